package io.chainpos.till.device.drawer;

import io.chainpos.model.event.DrawerOpened;
import io.chainpos.model.event.ManagerApproved;
import io.chainpos.till.TillMessage;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.staff.Approval;
import io.chainpos.till.staff.ManagerApprovals;
import java.util.Optional;

/**
 * Opens the cash drawer with no sale (to give change for a note, say), only with a manager's PIN. The approval
 * and the opening are recorded together in one transaction; the drawer opens once they are committed.
 */
public final class OpenDrawerNoSale {
    /** The action a manager approves, as {@link ManagerApprovals} and the {@link ManagerApproved} event name it. */
    public static final String ACTION = "NO_SALE";

    public sealed interface Result permits Opened, Refused {
    }

    public record Opened(String approvedBy) implements Result {
    }

    /** Nothing was recorded and the drawer stays shut; {@code reason} is for the cashier. */
    public record Refused(TillMessage reason) implements Result {
    }

    private final Ledger ledger;
    private final ManagerApprovals approvals;

    public OpenDrawerNoSale(Ledger ledger, ManagerApprovals approvals) {
        this.ledger = ledger;
        this.approvals = approvals;
    }

    public Result open(String managerPin, String cashier) {
        if (managerPin == null || managerPin.isBlank()) {
            return new Refused(TillMessage.of(TillMessage.Code.NO_SALE_NEEDS_MANAGER));
        }
        Optional<Approval> approval = approvals.approve(managerPin.strip(), ACTION);
        if (approval.isEmpty()) {
            return new Refused(TillMessage.of(TillMessage.Code.PIN_MAY_NOT_OPEN_DRAWER));
        }
        String manager = approval.get().managerId();
        ledger.write(tx -> {
            tx.append(new ManagerApproved(ACTION, manager, cashier, null, "cash drawer opened with no sale"));
            tx.append(new DrawerOpened(DrawerOpened.Reason.NO_SALE, null, cashier, manager));
            return null;
        });
        return new Opened(manager);
    }
}
