package io.chainpos.model.event;

import io.chainpos.model.id.SaleId;
import java.util.Objects;

/**
 * The cash drawer was told to open: for a sale or refund paid in cash ({@code saleId} names it), or with
 * no sale, which a manager approved ({@code approvedBy}). The device layer opens the drawer when this
 * commits, so every opening is on record.
 */
public record DrawerOpened(Reason reason, SaleId saleId, String cashier, String approvedBy) implements AuditEvent {

    public enum Reason { CASH_SALE, CASH_REFUND, NO_SALE, SHIFT }

    public DrawerOpened {
        Objects.requireNonNull(reason, "reason");
        if (reason == Reason.NO_SALE && approvedBy == null) {
            throw new IllegalArgumentException("opening the drawer with no sale needs a manager's approval");
        }
    }
}
