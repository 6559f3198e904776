package io.chainpos.till.ui.shift;

import io.chainpos.model.event.CashMoved;
import io.chainpos.model.sale.ShiftReport;
import io.chainpos.till.device.printer.PrintJob;
import io.chainpos.till.device.printer.PrinterStatus;
import io.chainpos.till.device.printer.ShiftReportPrintout;
import io.chainpos.model.event.ChainHead;
import io.chainpos.till.shift.Shifts;
import io.chainpos.till.ui.Amounts;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.PanelModel;
import io.chainpos.till.ui.Tasks;
import io.chainpos.till.ui.TillUseCases;
import java.util.OptionalLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The shift (交班): open it with a float, put cash in or take it out with a reason, read the X report at any time,
 * and close with the cash counted in the drawer, which shows and prints the Z report. Reports print through the
 * print queue, so a printer without paper never holds the close up.
 */
public final class ShiftViewModel extends PanelModel {
    private static final String CURRENCY = "CNY";

    private final TillUseCases till;
    private final Tasks tasks;
    private final String cashier;

    private final ObjectProperty<ShiftReport> report = new SimpleObjectProperty<>();
    private final ObjectProperty<ChainHead> chainHead = new SimpleObjectProperty<>();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final StringProperty floatAmount = new SimpleStringProperty("");
    private final StringProperty counted = new SimpleStringProperty("");
    private final StringProperty cashAmount = new SimpleStringProperty("");
    private final StringProperty cashReason = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public ShiftViewModel(TillUseCases till, Tasks tasks, String cashier) {
        this.till = till;
        this.tasks = tasks;
        this.cashier = cashier;
        reload();
    }

    /** The open shift's X report, the Z report once closed here, or null when no shift is open. */
    public ObjectProperty<ShiftReport> reportProperty() {
        return report;
    }

    /** The till's event chain at the close of the Z report shown (seq and short hash); null with an X report. */
    public ObjectProperty<ChainHead> chainHeadProperty() {
        return chainHead;
    }

    /** True once the till said whether a shift is open. */
    public BooleanProperty loadedProperty() {
        return loaded;
    }

    public StringProperty floatAmountProperty() {
        return floatAmount;
    }

    public StringProperty countedProperty() {
        return counted;
    }

    public StringProperty cashAmountProperty() {
        return cashAmount;
    }

    public StringProperty cashReasonProperty() {
        return cashReason;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public boolean isOpen() {
        return report.get() != null && report.get().kind() == ShiftReport.Kind.X;
    }

    /** Enter: opens a shift when none is open, closes it once the counted cash is typed. */
    public void enter() {
        if (!loaded.get() || busy.get()) {
            return;
        }
        if (report.get() == null) {
            open();
        } else if (isOpen() && !counted.get().isBlank()) {
            closeShift();
        } else if (!isOpen()) {
            close();
        } else {
            tell(Notice.info("shift.countFirst"));
        }
    }

    public void open() {
        amount(floatAmount.get(), fen -> run(() -> till.shifts().open(cashier, fen)));
    }

    public void closeShift() {
        amount(counted.get(), fen -> run(() -> till.shifts().close(cashier, fen)));
    }

    public void cashIn() {
        moveCash(CashMoved.Direction.IN);
    }

    public void cashOut() {
        moveCash(CashMoved.Direction.OUT);
    }

    private void moveCash(CashMoved.Direction direction) {
        String reason = cashReason.get();
        amount(cashAmount.get(), fen -> run(() -> till.shifts().moveCash(cashier, direction, fen, reason)));
    }

    /** Prints the report on screen (X while open, Z once closed) again. */
    public void print() {
        ShiftReport shown = report.get();
        if (shown == null) {
            tell(Notice.info("shift.noneOpen"));
            return;
        }
        ChainHead head = shown.kind() == ShiftReport.Kind.Z ? chainHead.get() : null;
        tasks.counter(() -> print(shown, head), this::printed, this::failed);
    }

    private void run(Tasks.Work<Shifts.Result> work) {
        busy.set(true);
        tasks.counter(() -> {
            Shifts.Result result = work.run();
            PrinterStatus printed = result instanceof Shifts.Closed closed ? print(closed.zReport(), closed.chainHead()) : null;
            ShiftReport now = result instanceof Shifts.Closed closed ? closed.zReport() : till.shifts().xReport().orElse(null);
            return new Done(result, now, printed);
        }, this::done, this::failed);
    }

    private record Done(Shifts.Result result, ShiftReport report, PrinterStatus printed) {
    }

    private void done(Done done) {
        busy.set(false);
        switch (done.result()) {
            case Shifts.Opened opened -> {
                chainHead.set(null);
                report.set(done.report());
                floatAmount.set("");
                tell(Notice.success("shift.opened"));
                // a shift is opened to sell: straight back to the sale, not on to the counted cash and the Z report
                close();
            }
            case Shifts.Moved moved -> {
                report.set(done.report());
                cashAmount.set("");
                cashReason.set("");
                tell(Notice.success("shift.cashMoved"));
            }
            case Shifts.Closed closed -> {
                chainHead.set(closed.chainHead());
                report.set(done.report());
                counted.set("");
                printed(done.printed());
            }
            case Shifts.Refused refused -> tell(Notice.refused(refused.reason()));
        }
    }

    private PrinterStatus print(ShiftReport shown, ChainHead head) {
        ShiftReportPrintout report = ShiftReportPrintout.of(shown, till.tillId(), CURRENCY, till.clock().instant());
        ShiftReportPrintout printout = head == null ? report : report.withChainHead(head.seq(), head.shortHash());
        till.printer().print(PrintJob.Kind.REPORT, printout.kind() + " " + printout.shiftId(), printout);
        return till.printer().status();
    }

    private void printed(PrinterStatus status) {
        String kind = report.get() == null ? "" : report.get().kind().name();
        tell(status.condition().canPrint() ? Notice.success("shift.printed", kind)
                : Notice.warning("shift.printWaiting", kind));
    }

    private void reload() {
        tasks.counter(() -> till.shifts().xReport().orElse(null), x -> {
            report.set(x);
            loaded.set(true);
            tell(x == null ? Notice.info("shift.noneOpen") : null);
        }, this::failed);
    }

    private void amount(String typed, java.util.function.LongConsumer then) {
        OptionalLong fen = Amounts.parseYuan(typed == null ? "" : typed);
        if (fen.isEmpty()) {
            tell(Notice.error("amount.bad", typed == null ? "" : typed));
            return;
        }
        then.accept(fen.getAsLong());
    }

    /** Esc. */
    public void cancel() {
        if (!busy.get()) {
            close();
        }
    }

    private void failed(Notice notice) {
        busy.set(false);
        tell(notice);
    }
}
