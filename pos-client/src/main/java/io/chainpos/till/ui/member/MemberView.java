package io.chainpos.till.ui.member;

import io.chainpos.till.loyalty.MemberAccounts.MemberAccount;
import io.chainpos.till.ui.fx.FxUi;
import io.chainpos.till.ui.fx.Messages;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The member screen: a tab per part ({@link MemberViewModel.Tab}, each drawn by its own small view), the notice,
 * and the keys: F1/F2 switch tabs, F7 tops up the member selected, F8 takes down their feedback, Enter does the tab's
 * main thing, Esc goes back (from the top-up or the feedback to the member, otherwise to the sale).
 */
public final class MemberView extends VBox {

    public MemberView(MemberViewModel member, Messages messages) {
        getStyleClass().add("member-screen");
        setId("member-screen");
        Map<MemberViewModel.Tab, Node> parts = new EnumMap<>(MemberViewModel.Tab.class);
        parts.put(MemberViewModel.Tab.FIND, new MemberFindPart(member, messages));
        parts.put(MemberViewModel.Tab.REGISTER, new MemberRegisterPart(member, messages));
        parts.put(MemberViewModel.Tab.TOP_UP, new TopUpPart(member, messages));
        parts.put(MemberViewModel.Tab.FEEDBACK, new FeedbackPart(member, messages));

        HBox tabs = new HBox();
        tabs.getStyleClass().add("tabs");
        StackPane content = new StackPane();
        for (int i = 0; i < member.tabs().size(); i++) {
            MemberViewModel.Tab tab = member.tabs().get(i);
            Button button = FxUi.keyButton(messages, "F" + (i + 1), "member.tab." + tab.name().toLowerCase(Locale.ROOT),
                    () -> member.tabProperty().set(tab));
            button.setId("tab-" + tab.name().toLowerCase(Locale.ROOT));
            tabs.getChildren().add(button);
        }
        Runnable showTab = () -> {
            content.getChildren().setAll(parts.get(member.tabProperty().get()));
            tabs.getChildren().forEach(b -> b.getStyleClass().remove("selected"));
            int shown = member.tabs().indexOf(member.tabProperty().get());
            if (shown >= 0) {
                tabs.getChildren().get(shown).getStyleClass().add("selected");
            }
            FxUi.focusLater(((MemberPart) parts.get(member.tabProperty().get())).firstField());
        };
        showTab.run();
        member.tabProperty().addListener((o, was, now) -> showTab.run());

        GridPane buttons = new GridPane();
        buttons.getStyleClass().add("dialog-buttons");
        buttons.add(FxUi.keyButton(messages, "Esc", "button.back", member::back), 0, 0);
        buttons.add(FxUi.keyButton(messages, "F5", "member.printCard", member::printCard), 1, 0);
        buttons.add(FxUi.keyButton(messages, "F6", "member.removeFromSale", member::removeFromSale), 2, 0);
        Button topUp = FxUi.keyButton(messages, "F7", "member.topUp", member::openTopUp);
        topUp.disableProperty().bind(member.selectedProperty().isNull().or(member.topUp().busyProperty()));
        buttons.add(topUp, 3, 0);
        Button feedback = FxUi.keyButton(messages, "F8", "member.feedback", member::openFeedback);
        feedback.disableProperty().bind(member.selectedProperty().isNull().or(member.feedback().busyProperty()));
        buttons.add(feedback, 4, 0);
        buttons.add(FxUi.keyButton(messages, "Enter", "member.enter", member::enter), 5, 0);
        getChildren().addAll(FxUi.label(messages, "member.screenTitle", "dialog-title"), tabs, content,
                FxUi.notice(messages, member.noticeProperty()), buttons);

        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            KeyCode code = event.getCode();
            int index = code.isFunctionKey() ? Integer.parseInt(code.getName().substring(1)) - 1 : -1;
            if (code == KeyCode.ENTER) {
                member.enter();
            } else if (code == KeyCode.ESCAPE) {
                member.back();
            } else if (index >= 0 && index < member.tabs().size()) {
                member.tabProperty().set(member.tabs().get(index));
            } else if (code == KeyCode.F5) {
                member.printCard();
            } else if (code == KeyCode.F6) {
                member.removeFromSale();
            } else if (code == KeyCode.F7) {
                member.openTopUp();
            } else if (code == KeyCode.F8) {
                member.openFeedback();
            } else {
                return;
            }
            event.consume();
        });
    }

    /** One tab's view. */
    interface MemberPart {
        Node firstField();
    }

    static String tier(MemberAccount account, Messages messages) {
        return messages.chinese() ? account.tierZh() : account.tierEn();
    }
}
