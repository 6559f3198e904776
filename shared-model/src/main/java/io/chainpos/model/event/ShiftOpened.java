package io.chainpos.model.event;

import io.chainpos.model.id.ShiftId;
import java.util.Objects;

/** A till's shift began with {@code floatAmount} (minor units) in the drawer; sales need an open shift. */
public record ShiftOpened(ShiftId shiftId, String cashier, long floatAmount) implements AuditEvent {
    public ShiftOpened {
        Objects.requireNonNull(shiftId, "shiftId");
        Objects.requireNonNull(cashier, "cashier");
        if (floatAmount < 0) {
            throw new IllegalArgumentException("a float cannot be negative");
        }
    }
}
