package io.chainpos.till.staff;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.StaffAccountSet;
import io.chainpos.till.ledger.Projection;
import io.chainpos.till.ledger.TillIdentity;
import org.jdbi.v3.core.Handle;

/** Staff who may work at this store: its own accounts and head office's chain-wide ones; the latest write wins. */
public final class StaffProjection implements Projection {

    @Override
    public void apply(Handle h, TillIdentity self, EventEnvelope event) {
        if (!(event.payload() instanceof StaffAccountSet staff)
                || (staff.storeId() != null && !staff.storeId().equals(self.storeId().value()))) {
            return;
        }
        h.createUpdate("INSERT INTO staff (staff_id, name, role, pin_hash, active, hlc) VALUES (:id, :name, :role, :pin, "
                        + ":active, :hlc) ON CONFLICT (staff_id) DO UPDATE SET name = :name, role = :role, pin_hash = :pin, "
                        + "active = :active, hlc = :hlc WHERE staff.hlc < :hlc")
                .bind("id", staff.staffId())
                .bind("name", staff.name())
                .bind("role", staff.role().name())
                .bind("pin", staff.pinHash())
                .bind("active", staff.active())
                .bind("hlc", event.hlc())
                .execute();
    }

    @Override
    public void reset(Handle h) {
        h.execute("DELETE FROM staff");
    }
}
