package io.chainpos.till.staff;

import io.chainpos.model.event.ManagerApproved;
import io.chainpos.till.ledger.Ledger;
import java.time.Clock;
import java.time.Instant;

/**
 * Limits PIN guessing at this till. A PIN alone says who it is, so wrong PINs are counted for the till, not for an
 * account: after {@link #MAX_WRONG} in a row PIN entry locks, and signing in and every approval are refused until a
 * manager or owner unlocks it with their PIN. The count and the lock live in the ledger file, so closing the till
 * gives no fresh tries; the unlock is recorded as {@code ManagerApproved(PIN_UNLOCK)} naming who unlocked it, how
 * many wrong PINs were typed and since when it was locked.
 */
public final class PinGuard {
    /** Wrong PINs in a row that lock PIN entry. */
    public static final int MAX_WRONG = 5;
    /** The audited action of unlocking PIN entry. */
    public static final String PIN_UNLOCK = "PIN_UNLOCK";

    /** How PIN entry stands: wrong PINs in a row, and since when it is locked (null when it is not). */
    public record State(int wrong, Instant lockedAt) {
        public boolean locked() {
            return lockedAt != null;
        }
    }

    private final Ledger ledger;
    private final Clock clock;

    public PinGuard(Ledger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    public State state() {
        return ledger.read(PinGuardStore::read);
    }

    /** Counts a wrong PIN; returns the state after it (locked at the {@link #MAX_WRONG}th). */
    State wrong() {
        long now = clock.millis();
        return ledger.writeState(session -> {
            PinGuardStore.wrong(session, MAX_WRONG, now);
            return PinGuardStore.read(session);
        });
    }

    /** A right PIN while not locked: the count starts again. */
    void right() {
        ledger.writeState(PinGuardStore::right);
    }

    /** Unlocks PIN entry on {@code manager}'s approval, and records who did it, in one transaction. */
    Approval unlock(StaffMember manager) {
        return ledger.write(tx -> {
            State was = PinGuardStore.read(tx);
            tx.append(new ManagerApproved(PIN_UNLOCK, manager.staffId(), null, null,
                    "after %d wrong PINs; locked since %s".formatted(was.wrong(), was.lockedAt())));
            PinGuardStore.unlock(tx);
            return new Approval(manager.staffId(), manager.name(), PIN_UNLOCK);
        });
    }
}
