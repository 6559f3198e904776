package io.chainpos.till.staff;

import io.chainpos.model.event.StaffAccountSet;
import io.chainpos.till.ledger.Ledger;
import java.util.Optional;

/**
 * Manager approval by PIN against the store's staff accounts: a manager or owner approves counter actions;
 * only an owner approves setting up staff. The caller records the {@code ManagerApproved} event.
 */
public final class PinManagerApprovals implements ManagerApprovals {
    /** The action that sets up or changes a staff account: owners only. */
    public static final String STAFF_SETUP = "STAFF_SETUP";
    /** Erasing a member's personal data at the till (issue 4): owners only, like staff setup. */
    public static final String MEMBER_ERASE = "MEMBER_ERASE";

    private final Ledger ledger;
    private final StaffStore staff;
    private final PinGuard guard;

    public PinManagerApprovals(Ledger ledger, StaffStore staff, PinGuard guard) {
        this.ledger = ledger;
        this.staff = staff;
        this.guard = guard;
    }

    /** Nothing is approved while PIN entry is locked ({@link PinGuard}); a PIN no one at the store has counts as a wrong try. */
    @Override
    public Optional<Approval> approve(String pin, String action) {
        if (pin == null || pin.isBlank() || guard.state().locked()) {
            return Optional.empty();
        }
        java.util.List<StaffMember> active = ledger.read(staff::active);
        Optional<StaffMember> owner = active.stream().filter(member -> PinHasher.matches(pin, member.pinHash())).findFirst();
        if (owner.isEmpty()) {
            guard.wrong();
            return Optional.empty();
        }
        guard.right();
        return owner.filter(member -> member.role() == StaffAccountSet.Role.OWNER
                        || (member.role() == StaffAccountSet.Role.MANAGER && !ownersOnly(action)))
                .map(member -> new Approval(member.staffId(), member.name(), action));
    }

    private static boolean ownersOnly(String action) {
        return STAFF_SETUP.equals(action) || MEMBER_ERASE.equals(action);
    }
}
