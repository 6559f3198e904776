package io.chainpos.model.event;

import java.util.Objects;

/**
 * A manager allowed something a cashier may not do alone (a price override, a discount past the limit, a
 * void, a refund without a receipt, opening the drawer with no sale). {@code reference} names what it was
 * for (a sale, a line); {@code detail} says what was allowed, e.g. "price 12.00 -> 9.00".
 */
public record ManagerApproved(String action, String approvedBy, String cashier, String reference, String detail)
        implements AuditEvent {

    public ManagerApproved {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(approvedBy, "approvedBy");
    }
}
