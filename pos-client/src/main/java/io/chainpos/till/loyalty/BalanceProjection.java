package io.chainpos.till.loyalty;

import io.chainpos.model.event.BalanceEvent;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.StoredValueChanged;
import io.chainpos.till.ledger.Projection;
import io.chainpos.till.ledger.TillIdentity;
import org.jdbi.v3.core.Handle;

/** Every points and stored-value delta from any store, one row per event: balances are their sums. */
public final class BalanceProjection implements Projection {

    @Override
    public void apply(Handle h, TillIdentity self, EventEnvelope event) {
        if (!(event.payload() instanceof BalanceEvent balance)) {
            return;
        }
        String saleId = balance.saleId() == null ? null : balance.saleId().toString();
        switch (balance) {
            case PointsChanged points -> h.execute("INSERT INTO points_entries (event_id, member_id, delta, "
                            + "reason, sale_id, occurred_at, qualifying_spend, birthday_bonus, till_id, occurred_ms) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
                    event.eventId().toString(), points.memberId().toString(), points.delta(), points.reason().name(), saleId,
                    event.occurredAt().toString(), points.qualifyingSpend(), birthdayBonus(points), event.tillId().value(),
                    event.occurredAt().toEpochMilli());
            case StoredValueChanged storedValue -> h.execute("INSERT INTO stored_value_entries (event_id, "
                            + "member_id, delta, reason, sale_id, occurred_at, bonus_part, top_up_id, till_id, occurred_ms) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
                    event.eventId().toString(), storedValue.memberId().toString(), storedValue.delta(),
                    storedValue.reason().name(), saleId, event.occurredAt().toString(), storedValue.bonusPart(),
                    storedValue.topUpId() == null ? null : storedValue.topUpId().toString(), event.tillId().value(),
                    event.occurredAt().toEpochMilli());
        }
    }

    /** The birthday bonus an EARN carries, as its rules say ("BIRTHDAY:+300"): at most one a year per member. */
    static long birthdayBonus(PointsChanged points) {
        return points.rulesApplied().stream().filter(r -> r.startsWith(LoyaltyAtCheckout.BIRTHDAY_RULE))
                .mapToLong(r -> Long.parseLong(r.substring(LoyaltyAtCheckout.BIRTHDAY_RULE.length())))
                .sum();
    }

    @Override
    public void reset(Handle h) {
        h.execute("DELETE FROM points_entries");
        h.execute("DELETE FROM stored_value_entries");
    }
}
