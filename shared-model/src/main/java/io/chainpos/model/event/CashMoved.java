package io.chainpos.model.event;

import io.chainpos.model.id.ShiftId;
import java.util.Objects;

/** Cash put into ({@code IN}) or taken out of ({@code OUT}) the drawer mid-shift, not for a sale, with why. */
public record CashMoved(ShiftId shiftId, Direction direction, long amount, String reason, String cashier)
        implements AuditEvent {

    public enum Direction { IN, OUT }

    public CashMoved {
        Objects.requireNonNull(shiftId, "shiftId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(reason, "reason");
        if (amount <= 0) {
            throw new IllegalArgumentException("a cash movement is a positive amount");
        }
    }
}
