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
import java.util.List;
import java.util.Optional;

/**
 * Member activity for head office's member reports, kept at ingest: each member sale is a visit (its total the
 * spend), a refund of one takes its total off the spend on the day it happens, and every tier a member had is
 * kept with when. Sums, minimums and maximums only, so the result does not depend on how the log is batched.
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
    private static final String MEMBER_OF_SALE = "SELECT member_id FROM member_visits WHERE sale_id = ? AND visits = 1";
    private static final String TIER = """
            INSERT INTO member_tiers (event_id, member_id, from_tier, to_tier, occurred_ms) VALUES (?, ?, ?, ?, ?)""";

    @Override
    public List<String> tables() {
        return List.of("member_activity", "member_visits", "member_tiers");
    }

    @Override
    public List<SyncException> apply(SqlSession sql, List<EventEnvelope> events, Instant now) {
        for (EventEnvelope event : events) {
            long at = event.occurredAt().toEpochMilli();
            String id = event.eventId().toString();
            switch (event.payload()) {
                case SaleCompleted sale when sale.memberId() != null -> {
                    String member = sale.memberId().toString();
                    sql.update(VISIT, id, member, sale.saleId().toString(), event.storeId().value(), at, 1, sale.total());
                    sql.update(ACTIVITY, member, at, at, 1, sale.total());
                }
                case SaleRefunded refund when refund.originalSaleId() != null -> {
                    // A refund of a sale this server has not seen (or of a non-member sale) is no member's spend.
                    Optional<String> member = sql.first(MEMBER_OF_SALE, rs -> rs.getString(1), refund.originalSaleId().toString());
                    if (member.isPresent()) {
                        sql.update(VISIT, id, member.get(), refund.originalSaleId().toString(), event.storeId().value(), at, 0,
                                -refund.total());
                        sql.update(REFUNDED, refund.total(), member.get());
                    }
                }
                case MemberRegistered registered when registered.tierCode() != null ->
                        sql.update(TIER, id, registered.memberId().toString(), null, registered.tierCode(), at);
                case MemberTierChanged tier -> sql.update(TIER, id, tier.memberId().toString(), tier.fromTier(), tier.toTier(), at);
                default -> { }
            }
        }
        return List.of();
    }
}
