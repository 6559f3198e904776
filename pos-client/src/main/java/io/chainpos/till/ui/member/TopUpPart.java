package io.chainpos.till.ui.member;

import io.chainpos.model.event.LoyaltyRulesPublished.TopUpBonus;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.till.loyalty.MemberAccounts.MemberAccount;
import io.chainpos.till.ui.Amounts;
import io.chainpos.till.ui.fx.FxUi;
import io.chainpos.till.ui.fx.Messages;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Topping up stored value: whom for and what they hold now, the amount (typed, keypad or a quick amount), the bonus
 * it gets, and how it is paid; Enter confirms (the member screen's key).
 */
final class TopUpPart extends HBox implements MemberView.MemberPart {
    private final TextField amount;

    TopUpPart(MemberViewModel member, Messages messages) {
        TopUpModel topUp = member.topUp();
        getStyleClass().add("top-up");
        Label who = new Label();
        who.setId("topup-member");
        who.getStyleClass().add("section-title");
        who.textProperty().bind(Bindings.createStringBinding(() -> {
            MemberAccount account = member.selectedProperty().get();
            return account == null ? messages.get("member.noneSelected") : messages.get("topUp.for",
                    account.member().name(), MemberFindPart.masked(account.member().phone()),
                    Amounts.money(account.storedValue()));
        }, member.selectedProperty(), messages.localeProperty()));

        amount = FxUi.field(topUp.amountProperty(), "topup-amount");
        amount.promptTextProperty().bind(messages.text("topUp.amountPrompt"));
        HBox quick = new HBox();
        quick.getStyleClass().add("quick-amounts");
        for (long fen : TopUpModel.QUICK) {
            Button button = new Button(Amounts.money(fen));
            button.setId("topup-quick-" + fen / 100);
            button.setFocusTraversable(false);
            button.setOnAction(e -> topUp.quick(fen));
            quick.getChildren().add(button);
        }
        Label bonus = new Label();
        bonus.setId("topup-bonus");
        bonus.getStyleClass().add("top-up-bonus");
        bonus.textProperty().bind(Bindings.createStringBinding(() -> {
            TopUpBonus step = topUp.bonusProperty().get();
            return step == null ? messages.get("topUp.noBonus") : messages.get("topUp.bonus", step.name(),
                    Amounts.money(step.bonus()));
        }, topUp.bonusProperty(), messages.localeProperty()));

        ToggleGroup methods = new ToggleGroup();
        HBox methodRow = new HBox();
        methodRow.getStyleClass().add("toggles");
        for (TenderMethod method : TopUpModel.METHODS) {
            ToggleButton button = new ToggleButton();
            button.textProperty().bind(messages.text("tender." + method.name().toLowerCase(Locale.ROOT)));
            button.setToggleGroup(methods);
            button.setUserData(method);
            button.setFocusTraversable(false);
            button.setSelected(topUp.methodProperty().get() == method);
            button.setId("topup-" + method.name().toLowerCase(Locale.ROOT));
            methodRow.getChildren().add(button);
        }
        methods.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                methods.selectToggle(was); // one method is always chosen
            } else {
                topUp.methodProperty().set((TenderMethod) now.getUserData());
            }
        });
        TextField reference = FxUi.field(topUp.referenceProperty(), "topup-reference");
        reference.promptTextProperty().bind(messages.text("topUp.referencePrompt"));
        reference.disableProperty().bind(topUp.methodProperty().isEqualTo(TenderMethod.CASH));

        GridPane form = new GridPane();
        form.getStyleClass().add("form");
        form.addRow(0, FxUi.label(messages, "topUp.amount"), amount);
        form.add(quick, 1, 1);
        form.addRow(2, FxUi.label(messages, "topUp.method"), methodRow);
        form.addRow(3, FxUi.label(messages, "topUp.reference"), reference);
        VBox left = new VBox(who, form, bonus);
        left.getStyleClass().add("top-up-form");
        getChildren().addAll(left, FxUi.keypad(topUp::key, topUp::backspace, topUp::clear, true));
    }

    @Override
    public Node firstField() {
        return amount;
    }
}
