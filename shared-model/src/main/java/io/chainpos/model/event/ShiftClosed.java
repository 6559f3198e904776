package io.chainpos.model.event;

import io.chainpos.model.id.ShiftId;
import java.util.Objects;

/** A shift ended: the cash counted in the drawer and the cash the till expected, both minor units. */
public record ShiftClosed(ShiftId shiftId, String cashier, long countedCash, long expectedCash) implements AuditEvent {
    public ShiftClosed {
        Objects.requireNonNull(shiftId, "shiftId");
        Objects.requireNonNull(cashier, "cashier");
    }
}
