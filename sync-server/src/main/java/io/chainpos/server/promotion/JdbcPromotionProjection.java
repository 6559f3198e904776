package io.chainpos.server.promotion;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.PromotionsPublished;
import io.chainpos.model.event.TierRulesPublished;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.SqlSession;
import io.chainpos.server.log.Projection;
import io.chainpos.server.merge.HeadOfficeTill;
import java.time.Instant;
import java.util.List;

/** Keeps every promotion set and tier rule set head office published, as JSON, by version. */
public final class JdbcPromotionProjection implements Projection {
    private static final String ADD_SET = """
            INSERT INTO promotion_sets (version, effective_ms, published_ms, payload) VALUES (?, ?, ?, ?)
            ON CONFLICT (version) DO NOTHING""";
    private static final String ADD_TIERS = """
            INSERT INTO promotion_tier_rules (version, effective_ms, payload) VALUES (?, ?, ?)
            ON CONFLICT (version) DO NOTHING""";

    private final EventCodec codec;

    public JdbcPromotionProjection(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public List<String> tables() {
        return List.of("promotion_sets", "promotion_tier_rules");
    }

    @Override
    public List<SyncException> apply(SqlSession sql, List<EventEnvelope> events, Instant now) {
        for (EventEnvelope event : events) {
            if (!event.tillId().equals(HeadOfficeTill.TILL)) {
                continue;
            }
            switch (event.payload()) {
                case PromotionsPublished set -> sql.update(ADD_SET, set.version(), set.effectiveFrom().toEpochMilli(),
                        event.occurredAt().toEpochMilli(), codec.write(set));
                case TierRulesPublished tiers -> sql.update(ADD_TIERS, tiers.version(), tiers.effectiveFrom().toEpochMilli(),
                        codec.write(tiers));
                default -> {
                }
            }
        }
        return List.of();
    }
}
