package io.chainpos.till.staff;

import io.chainpos.till.TillMessage;
import io.chainpos.model.event.StaffAccountSet;
import io.chainpos.till.ledger.Ledger;
import java.util.List;
import java.util.Optional;

/**
 * Who is at the counter: a staff member signs in with their own PIN (PINs are unique among the store's active
 * accounts, so the PIN alone says who it is). Sales, shifts and refunds are then recorded under their id.
 */
public final class SignIn {

    public sealed interface Result permits SignedIn, Refused, Locked, Unlocked {
    }

    /** PIN entry is locked after {@code wrong} wrong PINs in a row: only a manager's or owner's PIN unlocks it. */
    public record Locked(int wrong) implements Result {
    }

    /** A manager or owner unlocked PIN entry (recorded); whoever is to sell now types their own PIN. */
    public record Unlocked(StaffMember by) implements Result {
    }

    public record SignedIn(StaffMember who) implements Result {
    }

    public record Refused(TillMessage reason) implements Result {
    }

    private final Ledger ledger;
    private final StaffStore staff;
    private final PinGuard guard;

    public SignIn(Ledger ledger, StaffStore staff, PinGuard guard) {
        this.ledger = ledger;
        this.staff = staff;
        this.guard = guard;
    }

    public Result signIn(String pin) {
        if (pin == null || pin.isBlank()) {
            return new Refused(TillMessage.of(TillMessage.Code.PIN_NEEDED));
        }
        List<StaffMember> active = ledger.read(staff::active);
        if (active.isEmpty()) {
            return new Refused(TillMessage.of(TillMessage.Code.NO_STAFF_YET));
        }
        Optional<StaffMember> who = active.stream().filter(member -> PinHasher.matches(pin.strip(), member.pinHash())).findFirst();
        PinGuard.State state = guard.state();
        if (state.locked()) {
            // While locked, a PIN is only an unlock attempt: a manager's unlocks, any other is one more wrong try.
            if (who.isPresent() && who.get().role() != StaffAccountSet.Role.CASHIER) {
                guard.unlock(who.get());
                return new Unlocked(who.get());
            }
            return new Locked(guard.wrong().wrong());
        }
        if (who.isEmpty()) {
            PinGuard.State after = guard.wrong();
            return after.locked() ? new Locked(after.wrong()) : new Refused(TillMessage.of(TillMessage.Code.PIN_UNKNOWN));
        }
        guard.right();
        return new SignedIn(who.get());
    }

    /** True on a till with no staff account yet: the first run sets up the owner's. */
    public boolean needsOwner() {
        return ledger.read(staff::active).isEmpty();
    }
}
