package io.chainpos.till.shift;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.ShiftClosed;
import io.chainpos.model.event.ShiftOpened;
import io.chainpos.till.ledger.Projection;
import io.chainpos.till.ledger.TillIdentity;
import org.jdbi.v3.core.Handle;

/**
 * This till's shifts: where each starts and ends in the till's own epochs and sequences, for the open-shift check and
 * reports. A shift the till opened under an earlier epoch (before it was replaced or restored) comes back from the
 * server and is closed under the current one.
 */
public final class ShiftProjection implements Projection {

    @Override
    public void apply(Handle h, TillIdentity self, EventEnvelope event) {
        if (!event.tillId().equals(self.tillId())) {
            return;
        }
        switch (event.payload()) {
            case ShiftOpened opened -> h.createUpdate("INSERT OR IGNORE INTO shifts (shift_id, till_epoch, opened_seq, "
                            + "opened_at, opened_by, float_amount) VALUES (:id, :epoch, :seq, :at, :by, :float)")
                    .bind("id", opened.shiftId().toString())
                    .bind("epoch", event.tillEpoch())
                    .bind("seq", event.tillSeq())
                    .bind("at", event.occurredAt().toString())
                    .bind("by", opened.cashier())
                    .bind("float", opened.floatAmount())
                    .execute();
            case ShiftClosed closed -> h.createUpdate("UPDATE shifts SET closed_epoch = :epoch, closed_seq = :seq, "
                            + "closed_at = :at, counted_cash = :counted WHERE shift_id = :id")
                    .bind("epoch", event.tillEpoch())
                    .bind("id", closed.shiftId().toString())
                    .bind("seq", event.tillSeq())
                    .bind("at", event.occurredAt().toString())
                    .bind("counted", closed.countedCash())
                    .execute();
            default -> {
            }
        }
    }

    @Override
    public void reset(Handle h) {
        h.execute("DELETE FROM shifts");
    }
}
