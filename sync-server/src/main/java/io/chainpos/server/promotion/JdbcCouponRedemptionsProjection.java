package io.chainpos.server.promotion;

import io.chainpos.model.event.CouponRedeemed;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.SqlSession;
import io.chainpos.server.log.Projection;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Merges {@code CouponRedeemed} into {@code coupon_redemptions}: which codes sales used, so head office can give out
 * only unused ones and count a campaign's redemptions. The first sale to use a code keeps it.
 */
public final class JdbcCouponRedemptionsProjection implements Projection {
    private static final String ADD = """
            INSERT INTO coupon_redemptions (code, promotion_code, sale_id, event_id) VALUES (?, ?, ?, ?)
            ON CONFLICT (code) DO NOTHING""";

    @Override
    public List<String> tables() {
        return List.of("coupon_redemptions");
    }

    @Override
    public List<SyncException> apply(SqlSession sql, List<EventEnvelope> events, Instant now) {
        for (EventEnvelope event : events) {
            if (event.payload() instanceof CouponRedeemed used) {
                sql.update(ADD, used.code().strip().toUpperCase(Locale.ROOT), used.promotionCode(), used.saleId().toString(),
                        event.eventId().toString());
            }
        }
        return List.of();
    }
}
