package io.chainpos.model.event;

import java.util.Objects;

/**
 * A sale being rung up was abandoned before payment ({@code lines} lines worth {@code amount}); nothing was
 * sold. A manager {@code approvedBy} it when it had lines. Counted in the shift's X and Z reports.
 */
public record SaleVoided(int lines, long amount, String reason, String cashier, String approvedBy) implements AuditEvent {
    public SaleVoided {
        Objects.requireNonNull(cashier, "cashier");
    }
}
