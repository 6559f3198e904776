package io.chainpos.till.staff;

import io.chainpos.model.event.ManagerApproved;
import io.chainpos.model.event.StaffAccountSet;
import io.chainpos.till.TillMessage;
import io.chainpos.till.ledger.Ledger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An owner sets up the store's staff at the till: the first account of a new till must be an owner and
 * needs no approval (first run); every later one needs an owner's PIN. PINs are 4-8 digits, hashed here,
 * and must differ from every other active account's, since a PIN alone identifies who approves.
 */
public final class SetUpStaff {
    private static final Pattern PIN = Pattern.compile("\\d{4,8}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    public sealed interface Result permits Saved, Refused {
    }

    public record Saved(StaffMember member) implements Result {
    }

    public record Refused(TillMessage reason) implements Result {
    }

    private final Ledger ledger;
    private final StaffStore staff;
    private final ManagerApprovals approvals;
    private final PinHasher hasher;

    public SetUpStaff(Ledger ledger, StaffStore staff, ManagerApprovals approvals, PinHasher hasher) {
        this.ledger = ledger;
        this.staff = staff;
        this.approvals = approvals;
        this.hasher = hasher;
    }

    public Result save(String staffId, String name, StaffAccountSet.Role role, String pin, String ownerPin) {
        if (staffId == null || !ID.matcher(staffId).matches()) {
            return new Refused(TillMessage.of(TillMessage.Code.STAFF_ID_INVALID));
        }
        if (name == null || name.isBlank()) {
            return new Refused(TillMessage.of(TillMessage.Code.NAME_NEEDED));
        }
        if (pin == null || !PIN.matcher(pin).matches()) {
            return new Refused(TillMessage.of(TillMessage.Code.PIN_FORMAT));
        }
        boolean firstRun = ledger.read(staff::active).isEmpty();
        if (firstRun && role != StaffAccountSet.Role.OWNER) {
            return new Refused(TillMessage.of(TillMessage.Code.FIRST_ACCOUNT_IS_OWNER));
        }
        Optional<Approval> owner = firstRun ? Optional.empty() : approvals.approve(ownerPin, PinManagerApprovals.STAFF_SETUP);
        if (!firstRun && owner.isEmpty()) {
            return new Refused(TillMessage.of(TillMessage.Code.OWNER_PIN_NEEDED));
        }
        boolean taken = ledger.read(staff::active).stream()
                .anyMatch(other -> !other.staffId().equals(staffId) && PinHasher.matches(pin, other.pinHash()));
        if (taken) {
            return new Refused(TillMessage.of(TillMessage.Code.PIN_TAKEN));
        }
        String storeId = ledger.identity().orElseThrow().storeId().value();
        StaffAccountSet account = new StaffAccountSet(staffId, name.strip(), role, hasher.hash(pin), storeId, true);
        ledger.write(tx -> {
            owner.ifPresent(o -> tx.append(new ManagerApproved(PinManagerApprovals.STAFF_SETUP, o.managerId(), null,
                    staffId, "set up " + role + " " + staffId)));
            return tx.append(account);
        });
        return new Saved(new StaffMember(staffId, account.name(), role, account.pinHash(), true));
    }
}
