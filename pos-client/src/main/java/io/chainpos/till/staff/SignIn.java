package io.chainpos.till.staff;

import io.chainpos.till.TillMessage;
import io.chainpos.till.ledger.Ledger;
import java.util.List;
import java.util.Optional;

/**
 * Who is at the counter: a staff member signs in with their own PIN (PINs are unique among the store's active
 * accounts, so the PIN alone says who it is). Sales, shifts and refunds are then recorded under their id.
 */
public final class SignIn {

    public sealed interface Result permits SignedIn, Refused {
    }

    public record SignedIn(StaffMember who) implements Result {
    }

    public record Refused(TillMessage reason) implements Result {
    }

    private final Ledger ledger;
    private final StaffStore staff;

    public SignIn(Ledger ledger, StaffStore staff) {
        this.ledger = ledger;
        this.staff = staff;
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
        return who.<Result>map(SignedIn::new).orElse(new Refused(TillMessage.of(TillMessage.Code.PIN_UNKNOWN)));
    }

    /** True on a till with no staff account yet: the first run sets up the owner's. */
    public boolean needsOwner() {
        return ledger.read(staff::active).isEmpty();
    }
}
