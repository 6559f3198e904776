package io.chainpos.till.ui.refund;

import io.chainpos.model.event.Tender;
import io.chainpos.till.ui.Amounts;
import io.chainpos.till.ui.fx.FxUi;
import io.chainpos.till.ui.fx.Messages;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The refund screen: the receipt number (scan the receipt's barcode, or type it), the products that may still come
 * back with how much of each does, and what was refunded and where the money goes. Enter looks up, refunds, closes.
 */
public final class RefundView extends VBox {

    public RefundView(RefundViewModel refund, Messages messages) {
        getStyleClass().add("refund-screen");
        setId("refund-screen");
        TextField receipt = FxUi.field(refund.receiptProperty(), "refund-receipt");
        receipt.promptTextProperty().bind(messages.text("refund.receiptPrompt"));
        FxUi.focusWhenOpened(receipt);

        GridPane lines = new GridPane();
        lines.setId("refund-lines");
        lines.getStyleClass().add("refund-lines");
        Runnable fill = () -> {
            lines.getChildren().clear();
            lines.addRow(0, FxUi.label(messages, "refund.product", "column-title"),
                    FxUi.label(messages, "refund.remaining", "column-title"),
                    FxUi.label(messages, "refund.amount", "column-title"),
                    FxUi.label(messages, "refund.quantity", "column-title"));
            int row = 1;
            for (RefundLine line : refund.lines()) {
                TextField qty = FxUi.field(line.quantityProperty(), "refund-qty-" + line.sku().value());
                qty.setPrefColumnCount(5);
                qty.setDisable(line.remainingMilli() == 0);
                Label left = new Label(Amounts.quantity(line.remainingMilli()));
                left.setId("refund-left-" + line.sku().value());
                lines.addRow(row++, new Label(line.name()), left, new Label(Amounts.money(line.remainingAmount())), qty);
            }
        };
        fill.run();
        refund.lines().addListener((ListChangeListener<RefundLine>) c -> fill.run());
        ScrollPane scroll = new ScrollPane(lines);
        scroll.setFitToWidth(true);
        scroll.setPrefHeight(260);
        scroll.setFocusTraversable(false);

        Label done = new Label();
        done.setId("refund-done");
        done.getStyleClass().add("pay-done");
        done.setWrapText(true);
        done.textProperty().bind(Bindings.createStringBinding(() -> {
            RefundViewModel.Done refunded = refund.doneProperty().get();
            if (refunded == null) {
                return "";
            }
            String tenders = refunded.tenders().stream().map(t -> tender(t, messages)).collect(Collectors.joining(", "));
            return messages.get("refund.doneLine", Amounts.money(refunded.total()), tenders, refunded.pointsTakenBack(),
                    refunded.pointsRestored(), Amounts.money(refunded.storedValueRestored()));
        }, refund.doneProperty(), messages.localeProperty()));

        javafx.scene.layout.GridPane buttons = new javafx.scene.layout.GridPane();
        buttons.getStyleClass().add("dialog-buttons");
        buttons.add(FxUi.keyButton(messages, "Esc", "button.back", refund::cancel), 0, 0);
        buttons.add(FxUi.keyButton(messages, "Enter", "refund.enter", refund::enter), 1, 0);
        getChildren().addAll(FxUi.label(messages, "refund.title", "dialog-title"), receipt, scroll, done,
                FxUi.notice(messages, refund.noticeProperty()), buttons);

        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                event.consume();
                refund.enter();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                event.consume();
                refund.cancel();
            }
        });
    }

    private static String tender(Tender tender, Messages messages) {
        return messages.get("tender." + tender.method().name().toLowerCase(Locale.ROOT)) + " " + Amounts.money(tender.amount());
    }
}
