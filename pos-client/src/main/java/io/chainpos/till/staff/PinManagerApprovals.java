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

    private final Ledger ledger;
    private final StaffStore staff;

    public PinManagerApprovals(Ledger ledger, StaffStore staff) {
        this.ledger = ledger;
        this.staff = staff;
    }

    @Override
    public Optional<Approval> approve(String pin, String action) {
        if (pin == null || pin.isBlank()) {
            return Optional.empty();
        }
        return ledger.read(staff::active).stream()
                .filter(member -> member.role() == StaffAccountSet.Role.OWNER
                        || (member.role() == StaffAccountSet.Role.MANAGER && !STAFF_SETUP.equals(action)))
                .filter(member -> PinHasher.matches(pin, member.pinHash()))
                .findFirst()
                .map(member -> new Approval(member.staffId(), member.name(), action));
    }
}
