package io.chainpos.till.staff;

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

    public record Refused(String reason) implements Result {
    }

    private final Ledger ledger;
    private final StaffStore staff;

    public SignIn(Ledger ledger, StaffStore staff) {
        this.ledger = ledger;
        this.staff = staff;
    }

    public Result signIn(String pin) {
        if (pin == null || pin.isBlank()) {
            return new Refused("type your PIN");
        }
        List<StaffMember> active = ledger.read(staff::active);
        if (active.isEmpty()) {
            return new Refused("no staff account is set up on this till yet");
        }
        Optional<StaffMember> who = active.stream().filter(member -> PinHasher.matches(pin.strip(), member.pinHash())).findFirst();
        return who.<Result>map(SignedIn::new).orElse(new Refused("that PIN is not a staff member's at this store"));
    }

    /** True on a till with no staff account yet: the first run sets up the owner's. */
    public boolean needsOwner() {
        return ledger.read(staff::active).isEmpty();
    }
}
