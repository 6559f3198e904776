package io.chainpos.till.ui.shift;

import io.chainpos.model.sale.ShiftReport;
import io.chainpos.model.event.ChainHead;
import io.chainpos.till.ui.Amounts;
import io.chainpos.till.ui.fx.FxUi;
import io.chainpos.till.ui.fx.Messages;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The shift screen: with no shift open, the float to open with; with one open, its X report, cash in and out, and
 * the counted cash to close it with; once closed, the Z report. F5 prints the report shown; Esc goes back.
 */
public final class ShiftView extends VBox {
    private final ShiftViewModel shift;
    private final Messages messages;
    private final GridPane report = new GridPane();
    private final VBox actions = new VBox();
    private final GridPane buttons = new GridPane();

    public ShiftView(ShiftViewModel shift, Messages messages) {
        this.shift = shift;
        this.messages = messages;
        getStyleClass().add("shift-screen");
        setId("shift-screen");
        report.setId("shift-report");
        report.getStyleClass().add("report");
        Label title = FxUi.label(messages, "shift.title", "dialog-title");
        buttons.getStyleClass().add("dialog-buttons");
        getChildren().addAll(title, new HBox(report, actions), FxUi.notice(messages, shift.noticeProperty()), buttons);
        redraw();
        shift.reportProperty().addListener((o, was, now) -> redraw());
        shift.loadedProperty().addListener((o, was, now) -> redraw());
        messages.localeProperty().addListener((o, was, now) -> redraw());
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            switch (event.getCode()) {
                case ENTER -> shift.enter();
                case ESCAPE -> shift.cancel();
                case F5 -> shift.print();
                case F7 -> shift.cashIn();
                case F8 -> shift.cashOut();
                default -> {
                    return;
                }
            }
            event.consume();
        });
    }

    private void redraw() {
        report.getChildren().clear();
        actions.getChildren().clear();
        actions.getStyleClass().setAll("shift-actions");
        buttons.getChildren().clear();
        buttons.add(FxUi.keyButton(messages, "Esc", "button.back", shift::cancel), 0, 0);
        ShiftReport shown = shift.reportProperty().get();
        if (!shift.loadedProperty().get()) {
            return;
        }
        if (shown != null) {
            buttons.add(FxUi.keyButton(messages, "F5", "shift.print", shift::print), 1, 0);
        }
        if (shown != null && shown.kind() == ShiftReport.Kind.X) {
            buttons.add(FxUi.keyButton(messages, "F7", "shift.cashIn", shift::cashIn), 2, 0);
            buttons.add(FxUi.keyButton(messages, "F8", "shift.cashOut", shift::cashOut), 3, 0);
            buttons.add(FxUi.keyButton(messages, "Enter", "shift.close", shift::enter), 4, 0);
        } else if (shown == null) {
            buttons.add(FxUi.keyButton(messages, "Enter", "shift.open", shift::enter), 1, 0);
        }
        if (shown == null) {
            TextField amount = field(shift.floatAmountProperty(), "shift-float");
            actions.getChildren().addAll(FxUi.label(messages, "shift.float"), amount,
                    FxUi.keypad(k -> shift.floatAmountProperty().set(shift.floatAmountProperty().get() + k),
                            () -> backspace(shift.floatAmountProperty()), () -> shift.floatAmountProperty().set(""), true));
            FxUi.focusWhenOpened(amount);
            FxUi.focusLater(amount);
            return;
        }
        fill(shown);
        if (shown.kind() == ShiftReport.Kind.X) {
            TextField counted = field(shift.countedProperty(), "shift-counted");
            TextField cash = field(shift.cashAmountProperty(), "shift-cash-amount");
            TextField reason = field(shift.cashReasonProperty(), "shift-cash-reason");
            actions.getChildren().addAll(FxUi.label(messages, "shift.counted"), counted,
                    FxUi.keypad(k -> shift.countedProperty().set(shift.countedProperty().get() + k),
                            () -> backspace(shift.countedProperty()), () -> shift.countedProperty().set(""), true),
                    FxUi.label(messages, "shift.cashMove"), cash, reason);
            FxUi.focusWhenOpened(counted);
            FxUi.focusLater(counted);
        }
    }

    private void fill(ShiftReport shown) {
        int row = 0;
        report.addRow(row++, bold(messages.get(shown.kind() == ShiftReport.Kind.X ? "report.x" : "report.z")), new Label(""));
        row = line(row, "report.openedBy", shown.openedBy());
        row = line(row, "report.sales", shown.salesCount() + " · " + Amounts.money(shown.salesTotal()));
        row = line(row, "report.refunds", shown.refundsCount() + " · " + Amounts.money(-shown.refundsTotal()));
        row = line(row, "report.discounts", Amounts.money(shown.discountTotal()));
        row = line(row, "report.voids", shown.voidsCount() + " · " + Amounts.money(shown.voidsAmount()));
        for (ShiftReport.TenderLine tender : shown.byTender()) {
            row = line(row, "tender." + tender.method().name().toLowerCase(Locale.ROOT),
                    tender.count() + " · " + Amounts.money(tender.net()));
        }
        if (shown.topUpsCount() > 0 || shown.topUpRefundsTotal() > 0) {
            // Stored value sold is money in the drawer but not takings from sales: a line of its own per tender.
            row = line(row, "report.topUps", shown.topUpsCount() + " · " + Amounts.money(shown.topUpsTotal()));
            row = line(row, "report.topUpRefunds", Amounts.money(-shown.topUpRefundsTotal()));
            for (ShiftReport.TenderLine tender : shown.topUpsByTender()) {
                String method = tender.method().name().toLowerCase(Locale.ROOT);
                Label amount = new Label(tender.count() + " · " + Amounts.money(tender.net()));
                amount.setId("report-topUp-" + method);
                report.addRow(row++, new Label(messages.get("report.topUpBy", messages.get("tender." + method))), amount);
            }
        }
        row = line(row, "report.float", Amounts.money(shown.floatAmount()));
        row = line(row, "report.cashIn", Amounts.money(shown.cashIn()));
        row = line(row, "report.cashOut", Amounts.money(-shown.cashOut()));
        row = line(row, "report.expected", Amounts.money(shown.expectedCash()));
        if (shown.countedCash() != null) {
            row = line(row, "report.counted", Amounts.money(shown.countedCash()));
            Label difference = bold(Amounts.money(shown.difference()));
            difference.setId("shift-difference");
            report.addRow(row++, bold(messages.get("report.difference")), difference);
        }
        ChainHead head = shift.chainHeadProperty().get();
        if (shown.kind() == ShiftReport.Kind.Z && head != null) {
            line(row, "report.chainHead", messages.get("report.chainHeadValue", Long.toString(head.seq()), head.shortHash()));
        }
    }

    private int line(int row, String key, String value) {
        Label amount = new Label(value);
        amount.setId("report-" + key.replace("report.", "").replace('.', '-'));
        report.addRow(row, new Label(messages.get(key)), amount);
        return row + 1;
    }

    private static Label bold(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("report-strong");
        return label;
    }

    private static TextField field(javafx.beans.property.StringProperty text, String id) {
        TextField field = FxUi.field(text, id);
        field.getStyleClass().add("amount-field");
        return field;
    }

    private static void backspace(javafx.beans.property.StringProperty text) {
        String typed = text.get();
        text.set(typed.isEmpty() ? typed : typed.substring(0, typed.length() - 1));
    }
}
