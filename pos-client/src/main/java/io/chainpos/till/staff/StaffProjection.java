package io.chainpos.till.staff;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.StaffAccountSet;
import io.chainpos.model.member.LastWriterWins;
import io.chainpos.till.ledger.Projection;
import io.chainpos.till.ledger.TillIdentity;
import org.jdbi.v3.core.Handle;

/**
 * Staff who may work at this store: its own accounts and head office's chain-wide ones; the latest write wins by
 * the chain's one rule ({@link LastWriterWins}).
 */
public final class StaffProjection implements Projection {
    private static final String UPSERT = "INSERT INTO staff (staff_id, name, role, pin_hash, active, hlc, till_id, event_id) "
            + "VALUES (:id, :name, :role, :pin, :active, :hlc, :till, :event) ON CONFLICT (staff_id) DO UPDATE SET "
            + "name = excluded.name, role = excluded.role, pin_hash = excluded.pin_hash, active = excluded.active, "
            + "hlc = excluded.hlc, till_id = excluded.till_id, event_id = excluded.event_id "
            + "WHERE " + LastWriterWins.sqlLater("excluded", "staff");

    @Override
    public void apply(Handle h, TillIdentity self, EventEnvelope event) {
        if (!(event.payload() instanceof StaffAccountSet staff)
                || (staff.storeId() != null && !staff.storeId().equals(self.storeId().value()))) {
            return;
        }
        h.createUpdate(UPSERT)
                .bind("id", staff.staffId())
                .bind("name", staff.name())
                .bind("role", staff.role().name())
                .bind("pin", staff.pinHash())
                .bind("active", staff.active())
                .bind("hlc", event.hlc())
                .bind("till", event.tillId().value())
                .bind("event", event.eventId().toString())
                .execute();
    }

    @Override
    public void reset(Handle h) {
        h.execute("DELETE FROM staff");
    }
}
