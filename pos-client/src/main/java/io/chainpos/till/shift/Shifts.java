package io.chainpos.till.shift;

import io.chainpos.model.event.CashMoved;
import io.chainpos.model.event.DrawerOpened;
import io.chainpos.model.event.ShiftClosed;
import io.chainpos.model.event.ShiftOpened;
import io.chainpos.model.id.ShiftId;
import io.chainpos.model.sale.ShiftReport;
import io.chainpos.model.sale.ShiftReports;
import io.chainpos.till.TillMessage;
import io.chainpos.model.event.ChainHead;
import io.chainpos.till.ledger.Ledger;
import java.time.Clock;
import java.util.Optional;

/**
 * A till's shifts (交班): open with a cash float, cash in and out with a reason, an X report at any time,
 * close with the counted cash and get the Z report. One shift at a time per till; every drawer opening is
 * recorded.
 */
public final class Shifts {

    public sealed interface Result permits Opened, Moved, Closed, Refused {
    }

    public record Opened(ShiftId shiftId) implements Result {
    }

    public record Moved(ShiftReport report) implements Result {
    }

    /** The Z report, and the till's event chain at the close (its ShiftClosed event), which the report prints. */
    public record Closed(ShiftReport zReport, ChainHead chainHead) implements Result {
    }

    public record Refused(TillMessage reason) implements Result {
    }

    private final Ledger ledger;
    private final ShiftStore shifts;
    private final Clock clock;

    public Shifts(Ledger ledger, ShiftStore shifts, Clock clock) {
        this.ledger = ledger;
        this.shifts = shifts;
        this.clock = clock;
    }

    public Result open(String cashier, long floatAmount) {
        if (floatAmount < 0) {
            return new Refused(TillMessage.of(TillMessage.Code.FLOAT_NEGATIVE));
        }
        // A replacement (or a till enrolled again) that has never synced may be about to get back the shift the old PC
        // left open: opening another first would leave two open shifts at one till.
        if (ledger.identity().map(self -> self.epoch() > 1).orElse(false) && ledger.syncMarks().lastSynced().isEmpty()) {
            return new Refused(TillMessage.of(TillMessage.Code.SHIFT_WAITS_FOR_FIRST_SYNC));
        }
        return ledger.write(tx -> {
            if (shifts.current(tx).isPresent()) {
                return new Refused(TillMessage.of(TillMessage.Code.SHIFT_ALREADY_OPEN));
            }
            ShiftId id = ShiftId.newId(clock);
            tx.append(new ShiftOpened(id, cashier, floatAmount));
            tx.append(new DrawerOpened(DrawerOpened.Reason.SHIFT, null, cashier, null));
            return new Opened(id);
        });
    }

    /** Cash put in or taken out of the drawer, not for a sale; a reason is required. */
    public Result moveCash(String cashier, CashMoved.Direction direction, long amount, String reason) {
        if (amount <= 0) {
            return new Refused(TillMessage.of(TillMessage.Code.CASH_AMOUNT_NOT_POSITIVE));
        }
        if (reason == null || reason.isBlank()) {
            return new Refused(TillMessage.of(direction == CashMoved.Direction.IN
                    ? TillMessage.Code.CASH_IN_NEEDS_REASON : TillMessage.Code.CASH_OUT_NEEDS_REASON));
        }
        return ledger.write(tx -> {
            Optional<ShiftStore.Shift> shift = shifts.current(tx);
            if (shift.isEmpty()) {
                return new Refused(TillMessage.of(TillMessage.Code.SHIFT_NEEDED));
            }
            if (direction == CashMoved.Direction.OUT) {
                long inDrawer = ShiftReports.of(shifts.events(tx, shift.get())).expectedCash();
                if (amount > inDrawer) {
                    return new Refused(TillMessage.of(TillMessage.Code.DRAWER_HOLDS_ONLY, io.chainpos.model.money.Money.cny(inDrawer)));
                }
            }
            tx.append(new CashMoved(shift.get().shiftId(), direction, amount, reason.strip(), cashier));
            tx.append(new DrawerOpened(DrawerOpened.Reason.SHIFT, null, cashier, null));
            return new Moved(ShiftReports.of(shifts.events(tx, shift.get())));
        });
    }

    /**
     * When the open shift was opened, or empty when none is open: what the top bar shows, read without the shift's
     * events (an X report decodes every one of them).
     */
    public Optional<java.time.Instant> openSince() {
        return ledger.read(shifts::openSince);
    }

    /** The X report of the open shift, or empty when none is open. */
    public Optional<ShiftReport> xReport() {
        return ledger.read(session -> shifts.current(session).map(shift -> ShiftReports.of(shifts.events(session, shift))));
    }

    /** Closes the open shift with the cash counted in the drawer and returns its Z report. */
    public Result close(String cashier, long countedCash) {
        if (countedCash < 0) {
            return new Refused(TillMessage.of(TillMessage.Code.COUNTED_CASH_NEGATIVE));
        }
        return ledger.write(tx -> {
            Optional<ShiftStore.Shift> shift = shifts.current(tx);
            if (shift.isEmpty()) {
                return new Refused(TillMessage.of(TillMessage.Code.NO_SHIFT_OPEN));
            }
            long expected = ShiftReports.of(shifts.events(tx, shift.get())).expectedCash();
            tx.append(new ShiftClosed(shift.get().shiftId(), cashier, countedCash, expected));
            ShiftStore.Shift closed = shifts.find(tx, shift.get().shiftId()).orElseThrow();
            return new Closed(ShiftReports.of(shifts.events(tx, closed)), tx.chainHead().orElseThrow());
        });
    }

    /** The report of any shift of this till: X while open, Z once closed (a reprint). */
    public Optional<ShiftReport> report(ShiftId id) {
        return ledger.read(session -> shifts.find(session, id).map(shift -> ShiftReports.of(shifts.events(session, shift))));
    }
}
