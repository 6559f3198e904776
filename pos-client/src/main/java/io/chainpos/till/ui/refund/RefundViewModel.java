package io.chainpos.till.ui.refund;

import io.chainpos.model.event.Tender;
import io.chainpos.model.sale.Refunds;
import io.chainpos.till.refund.RefundSale;
import io.chainpos.till.ui.Amounts;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.PanelModel;
import io.chainpos.till.ui.Tasks;
import io.chainpos.till.ui.TillUseCases;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A refund against a receipt (退货): the receipt's barcode is scanned (or its number typed), what may still be given
 * back is listed, the cashier sets how much of each product comes back (all of it to start with), and the refund
 * goes back to the original tenders with points and stored value put right. Enter looks up, then refunds, then
 * closes.
 */
public final class RefundViewModel extends PanelModel {
    private final TillUseCases till;
    private final Tasks tasks;
    private final String cashier;

    private final StringProperty receipt = new SimpleStringProperty("");
    private final ObservableList<RefundLine> lines = FXCollections.observableArrayList();
    private final ObjectProperty<Done> done = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private String shown;

    /** The refund recorded: total, where the money goes back, and the points put right. */
    public record Done(String receiptNo, long total, List<Tender> tenders, long pointsTakenBack, long pointsRestored,
                       long storedValueRestored) {
    }

    public RefundViewModel(TillUseCases till, Tasks tasks, String cashier) {
        this.till = till;
        this.tasks = tasks;
        this.cashier = cashier;
    }

    public StringProperty receiptProperty() {
        return receipt;
    }

    public ObservableList<RefundLine> lines() {
        return lines;
    }

    public ObjectProperty<Done> doneProperty() {
        return done;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Enter: looks the receipt up, then (with its lines shown) refunds, then closes. */
    public void enter() {
        if (done.get() != null) {
            close();
        } else if (!lines.isEmpty() && receipt.get().strip().equals(shown)) {
            refund();
        } else {
            lookUp();
        }
    }

    public void lookUp() {
        String number = receipt.get().strip();
        if (number.isEmpty()) {
            tell(Notice.info("refund.scanReceipt"));
            return;
        }
        busy.set(true);
        tasks.counter(() -> till.refunds().refundable(number), refundable -> {
            busy.set(false);
            done.set(null);
            if (refundable.isEmpty()) {
                lines.clear();
                shown = null;
                tell(Notice.error("refund.noReceipt", number));
                return;
            }
            List<RefundLine> rows = refundable.get().stream().map(RefundLine::new).toList();
            lines.setAll(rows);
            shown = number;
            boolean anything = rows.stream().anyMatch(row -> row.remainingMilli() > 0);
            tell(anything ? Notice.info("refund.choose") : Notice.warning("refund.allBack", number));
        }, this::failed);
    }

    public void refund() {
        List<Refunds.Request> items = new ArrayList<>();
        for (RefundLine line : lines) {
            String typed = line.quantityProperty().get() == null ? "" : line.quantityProperty().get().strip();
            if (typed.isEmpty() || typed.matches("0+(\\.0*)?")) {
                continue;
            }
            OptionalLong qty = Amounts.parseQuantity(typed);
            if (qty.isEmpty()) {
                tell(Notice.error("sale.badQuantity", typed));
                return;
            }
            items.add(new Refunds.Request(line.sku(), qty.getAsLong()));
        }
        if (items.isEmpty()) {
            tell(Notice.info("refund.nothingChosen"));
            return;
        }
        String number = shown;
        busy.set(true);
        tasks.counter(() -> {
            RefundSale.Result result = till.refunds().refund(number, items, cashier);
            // what is left to bring back after this refund, read in the same turn so the lines never show the old one
            return new Answer(result, till.refunds().refundable(number).orElse(List.of()));
        }, answer -> {
            busy.set(false);
            switch (answer.result()) {
                case RefundSale.Refunded refunded -> {
                    lines.setAll(answer.left().stream().map(RefundLine::new).toList());
                    done.set(new Done(number, refunded.refund().total(), refunded.refund().tenders(),
                            refunded.pointsTakenBack(), refunded.pointsRestored(), refunded.storedValueRestored()));
                    tell(Notice.success("refund.done", Amounts.money(refunded.refund().total())));
                }
                case RefundSale.Refused refused -> tell(Notice.refused(refused.reason()));
            }
        }, this::failed);
    }

    private record Answer(RefundSale.Result result, List<Refunds.Refundable> left) {
    }

    /** Esc. */
    public void cancel() {
        if (!busy.get()) {
            close();
        }
    }

    @Override
    public boolean scanned(String code) {
        if (done.get() != null) {
            done.set(null);
        }
        receipt.set(code.strip());
        lookUp();
        return true;
    }

    private void failed(Notice notice) {
        busy.set(false);
        tell(notice);
    }
}
