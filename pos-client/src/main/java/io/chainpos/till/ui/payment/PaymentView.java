package io.chainpos.till.ui.payment;

import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.till.TillMessage;
import io.chainpos.till.ui.Amounts;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.fx.FxUi;
import io.chainpos.till.ui.fx.Messages;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The payment screen: what is due and tendered on the left, the tender methods (F1–F6), the amount with its keypad
 * and quick amounts (F7 on) on the right, the change in large type. Enter tenders and completes; Esc goes back to the sale.
 */
public final class PaymentView extends VBox {
    private static final List<TenderMethod> METHODS = List.of(TenderMethod.CASH, TenderMethod.BANK_CARD,
            TenderMethod.MOBILE_WALLET, TenderMethod.STORED_VALUE, TenderMethod.POINTS, TenderMethod.COUPON);

    public PaymentView(PaymentViewModel payment, Messages messages) {
        getStyleClass().add("payment");
        setId("payment");
        Label title = FxUi.label(messages, "pay.title", "dialog-title");

        Label due = big("pay-due", "due-amount");
        due.textProperty().bind(Bindings.createStringBinding(() -> messages.get("pay.due",
                Amounts.money(payment.total()), Amounts.money(payment.dueBinding().get())),
                payment.dueBinding(), messages.localeProperty()));
        ListView<Tender> tendered = new ListView<>(payment.tenders());
        tendered.setId("tenders");
        tendered.setFocusTraversable(false);
        tendered.setPrefHeight(150);
        tendered.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Tender item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : messages.get(methodKey(item.method())) + "   "
                        + Amounts.money(item.amount()) + (item.reference() == null ? "" : "   " + item.reference()));
            }
        });
        Label change = big("pay-change", "change-amount");
        change.textProperty().bind(Bindings.createStringBinding(() -> messages.get("pay.change",
                Amounts.money(payment.changeBinding().get())), payment.changeBinding(), messages.localeProperty()));
        Label member = new Label();
        member.setId("pay-member");
        member.textProperty().bind(Bindings.createStringBinding(() -> payment.member() == null ? ""
                : messages.get("pay.member", payment.member().member().name(), payment.member().points(),
                Amounts.money(payment.member().storedValue())), messages.localeProperty()));
        Label done = new Label();
        done.setId("pay-done");
        done.getStyleClass().add("pay-done");
        done.setWrapText(true);
        done.textProperty().bind(Bindings.createStringBinding(() -> {
            PaymentViewModel.Done paid = payment.doneProperty().get();
            if (paid == null) {
                return "";
            }
            String points = paid.pointsBalance() == null ? "" : "\n" + messages.get("pay.points", paid.pointsEarned(),
                    paid.pointsBalance());
            return messages.get("pay.doneLine", paid.receiptNo(), Amounts.money(paid.total())) + points;
        }, payment.doneProperty(), messages.localeProperty()));
        VBox left = new VBox(due, member, FxUi.label(messages, "pay.tendered", "section-title"), tendered, change, done);
        left.getStyleClass().add("pay-left");
        HBox.setHgrow(left, Priority.ALWAYS);

        VBox methods = new VBox();
        methods.getStyleClass().add("pay-methods");
        for (int i = 0; i < METHODS.size(); i++) {
            TenderMethod method = METHODS.get(i);
            Button button = FxUi.keyButton(messages, "F" + (i + 1), methodKey(method), () -> payment.choose(method));
            button.setId("method-" + method.name());
            Runnable mark = () -> button.getStyleClass().removeAll("selected");
            payment.methodProperty().addListener((o, was, now) -> {
                mark.run();
                if (now == method) {
                    button.getStyleClass().add("selected");
                }
            });
            if (payment.methodProperty().get() == method) {
                button.getStyleClass().add("selected");
            }
            methods.getChildren().add(button);
        }

        TextField amount = FxUi.field(payment.amountProperty(), "pay-amount");
        amount.getStyleClass().add("amount-field");
        amount.promptTextProperty().bind(Bindings.createStringBinding(() -> Amounts.yuan(payment.dueBinding().get()),
                payment.dueBinding()));
        FxUi.focusWhenOpened(amount);
        TextField reference = FxUi.field(payment.referenceProperty(), "pay-reference");
        reference.promptTextProperty().bind(messages.text("pay.reference"));
        reference.visibleProperty().bind(payment.methodProperty().isNotEqualTo(TenderMethod.CASH)
                .and(payment.methodProperty().isNotEqualTo(TenderMethod.POINTS))
                .and(payment.methodProperty().isNotEqualTo(TenderMethod.STORED_VALUE)));
        reference.managedProperty().bind(reference.visibleProperty());
        HBox quick = new HBox();
        quick.getStyleClass().add("quick-amounts");
        Runnable fillQuick = () -> {
            quick.getChildren().clear();
            List<Long> amounts = payment.quickAmounts();
            for (int i = 0; i < amounts.size(); i++) {
                long fen = amounts.get(i);
                Button button = new Button(quickKey(i) + "\n" + Amounts.money(fen));
                button.getStyleClass().add("quick-amount");
                button.setFocusTraversable(false);
                button.setId("quick-" + Amounts.yuan(fen));
                button.setOnAction(e -> payment.quick(fen));
                quick.getChildren().add(button);
            }
        };
        fillQuick.run();
        payment.quickAmounts().addListener((ListChangeListener<Long>) c -> fillQuick.run());
        GridPane keypad = FxUi.keypad(payment::key, payment::backspace, () -> payment.amountProperty().set(""), true);
        VBox right = new VBox(amount, reference, quick, keypad);
        right.getStyleClass().add("pay-right");

        HBox body = new HBox(left, methods, right);
        body.getStyleClass().add("pay-body");
        GridPane buttons = new GridPane();
        buttons.getStyleClass().add("dialog-buttons");
        buttons.add(FxUi.keyButton(messages, "Esc", "pay.back", payment::cancel), 0, 0);
        buttons.add(FxUi.keyButton(messages, "Del", "pay.removeTender", () -> payment.removeTender(payment.tenders().size() - 1)), 1, 0);
        Button enter = FxUi.keyButton(messages, "Enter", "pay.enter", payment::enter);
        enter.textProperty().bind(Bindings.createStringBinding(() -> "Enter\n"
                + messages.get(payment.doneProperty().get() == null ? "pay.enter" : "pay.next"),
                payment.doneProperty(), messages.localeProperty()));
        enter.getStyleClass().add("pay-button");
        buttons.add(enter, 2, 0);
        getChildren().addAll(title, body, FxUi.notice(messages, payment.noticeProperty()), buttons);

        payment.doneProperty().addListener((o, was, now) -> {
            if (now != null) {
                getStyleClass().add("paid");
            }
        });
        // the sale says a wallet or coupon tender needs its reference: the cursor goes where it is typed
        payment.noticeProperty().addListener((o, was, said) -> {
            TillMessage.Code code = said == null ? null : said.tillMessage().map(TillMessage::code).orElse(null);
            if (code == TillMessage.Code.WALLET_TENDER_NEEDS_REFERENCE || code == TillMessage.Code.COUPON_TENDER_NEEDS_CODE) {
                reference.requestFocus();
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            KeyCode code = event.getCode();
            if (code == KeyCode.ENTER) {
                event.consume();
                amount.requestFocus();
                payment.enter();
            } else if (code == KeyCode.ESCAPE) {
                event.consume();
                payment.cancel();
            } else if (code == KeyCode.DELETE) {
                event.consume();
                payment.removeTender(payment.tenders().size() - 1);
            } else if (code.isFunctionKey()) {
                int index = Integer.parseInt(code.getName().substring(1)) - 1;
                if (index < METHODS.size()) {
                    event.consume();
                    payment.choose(METHODS.get(index));
                    amount.requestFocus();
                } else if (index - METHODS.size() < payment.quickAmounts().size()) {
                    event.consume();
                    payment.quick(payment.quickAmounts().get(index - METHODS.size()));
                }
            }
        });
    }

    /** The quick amounts answer the function keys after the methods': F7 for the first. */
    static String quickKey(int index) {
        return "F" + (METHODS.size() + 1 + index);
    }

    static String methodKey(TenderMethod method) {
        return "tender." + method.name().toLowerCase(Locale.ROOT);
    }

    private static Label big(String id, String style) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(style);
        return label;
    }
}
