package io.chainpos.till.loyalty;

import io.chainpos.model.event.BalanceEvent;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.StoredValueChanged;
import io.chainpos.till.ledger.Projection;
import io.chainpos.till.ledger.StatementCache;
import io.chainpos.till.ledger.TillIdentity;
import org.jdbi.v3.core.Handle;

/** Every points and stored-value delta from any store, one row per event: balances are their sums. */
public final class BalanceProjection implements Projection {

    @Override
    public void apply(Handle h, TillIdentity self, EventEnvelope event) {
        if (!(event.payload() instanceof BalanceEvent balance)) {
            return;
        }
        String table;
        String reason;
        switch (balance) {
            case PointsChanged points -> {
                table = "points_entries";
                reason = points.reason().name();
            }
            case StoredValueChanged storedValue -> {
                table = "stored_value_entries";
                reason = storedValue.reason().name();
            }
        }
        StatementCache.update(h, "INSERT INTO " + table + " (event_id, member_id, delta, reason, sale_id, occurred_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
                event.eventId().toString(), balance.memberId().toString(), balance.delta(), reason,
                balance.saleId() == null ? null : balance.saleId().toString(), event.occurredAt().toString());
    }

    @Override
    public void reset(Handle h) {
        h.execute("DELETE FROM points_entries");
        h.execute("DELETE FROM stored_value_entries");
    }
}
