package io.chainpos.server.member;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.event.MemberTierChanged;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleRefunded;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.SqlSession;
import io.chainpos.server.log.Projection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Member activity for head office's member reports, kept at ingest: each member sale is a visit (its total the
 * spend), a refund of one takes its total off the spend on the day it happens, and every tier a member had is
 * kept with when. Sums, minimums and maximums only, so the result does not depend on how the log is batched: a
 * push's visits and tiers are written as one batch each and its members' activity summed first, one row a member.
 */
public final class JdbcMemberActivityProjection implements Projection {
    private static final String VISIT = """
            INSERT INTO member_visits (event_id, member_id, sale_id, store_id, occurred_ms, visits, spend)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String ACTIVITY = """
            INSERT INTO member_activity (member_id, first_visit_ms, last_visit_ms, visits, spend) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (member_id) DO UPDATE
            SET first_visit_ms = CASE WHEN excluded.first_visit_ms < member_activity.first_visit_ms
                                      THEN excluded.first_visit_ms ELSE member_activity.first_visit_ms END,
                last_visit_ms = CASE WHEN excluded.last_visit_ms > member_activity.last_visit_ms
                                     THEN excluded.last_visit_ms ELSE member_activity.last_visit_ms END,
                visits = member_activity.visits + excluded.visits,
                spend = member_activity.spend + excluded.spend""";
    private static final String REFUNDED = "UPDATE member_activity SET spend = spend - ? WHERE member_id = ?";
    private static final String MEMBERS_OF_SALES = "SELECT sale_id, member_id FROM member_visits WHERE sale_id IN (%s) AND visits = 1";
    private static final String TIER = """
            INSERT INTO member_tiers (event_id, member_id, from_tier, to_tier, occurred_ms) VALUES (?, ?, ?, ?, ?)""";

    @Override
    public List<String> tables() {
        return List.of("member_activity", "member_visits", "member_tiers");
    }

    @Override
    public List<SyncException> apply(SqlSession sql, List<EventEnvelope> events, Instant now) {
        // Whose sale each refunded sale was: this push's own sales first, then one look-up for the rest.
        Map<String, String> memberOfSale = new HashMap<>();
        Set<String> refunded = new TreeSet<>();
        for (EventEnvelope event : events) {
            switch (event.payload()) {
                case SaleCompleted sale when sale.memberId() != null -> memberOfSale.put(sale.saleId().toString(), sale.memberId().toString());
                case SaleRefunded refund when refund.originalSaleId() != null -> refunded.add(refund.originalSaleId().toString());
                default -> { }
            }
        }
        refunded.removeAll(memberOfSale.keySet());
        sql.forEachIn(MEMBERS_OF_SALES, List.copyOf(refunded), rs -> memberOfSale.put(rs.getString(1), rs.getString(2)));
        List<Object[]> visits = new ArrayList<>();
        List<Object[]> tiers = new ArrayList<>();
        // member -> first visit, last visit, visits, spend; and members whose only change is a refund
        TreeMap<String, long[]> activity = new TreeMap<>();
        TreeMap<String, Long> refunds = new TreeMap<>();
        for (EventEnvelope event : events) {
            long at = event.occurredAt().toEpochMilli();
            String id = event.eventId().toString();
            switch (event.payload()) {
                case SaleCompleted sale when sale.memberId() != null -> {
                    String member = sale.memberId().toString();
                    visits.add(new Object[] {id, member, sale.saleId().toString(), event.storeId().value(), at, 1, sale.total()});
                    long[] a = activity.computeIfAbsent(member, m -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0, 0});
                    a[0] = Math.min(a[0], at);
                    a[1] = Math.max(a[1], at);
                    a[2]++;
                    a[3] += sale.total();
                }
                case SaleRefunded refund when refund.originalSaleId() != null -> {
                    // A refund of a sale this server has not seen (or of a non-member sale) is no member's spend.
                    String member = memberOfSale.get(refund.originalSaleId().toString());
                    if (member != null) {
                        visits.add(new Object[] {id, member, refund.originalSaleId().toString(), event.storeId().value(), at, 0,
                                -refund.total()});
                        refunds.merge(member, refund.total(), Long::sum);
                    }
                }
                case MemberRegistered registered when registered.tierCode() != null ->
                        tiers.add(new Object[] {id, registered.memberId().toString(), null, registered.tierCode(), at});
                case MemberTierChanged tier -> tiers.add(new Object[] {id, tier.memberId().toString(), tier.fromTier(), tier.toTier(), at});
                default -> { }
            }
        }
        sql.batch(VISIT, visits);
        List<Object[]> rows = new ArrayList<>();
        activity.forEach((member, a) -> rows.add(new Object[] {member, a[0], a[1], a[2], a[3] - refunds.getOrDefault(member, 0L)}));
        sql.batch(ACTIVITY, rows);
        rows.clear();
        refunds.forEach((member, total) -> {
            if (!activity.containsKey(member)) {
                rows.add(new Object[] {total, member});
            }
        });
        sql.batch(REFUNDED, rows);
        sql.batch(TIER, tiers);
        return List.of();
    }
}
