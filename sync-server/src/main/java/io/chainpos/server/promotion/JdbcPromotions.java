package io.chainpos.server.promotion;

import io.chainpos.model.event.PromotionsPublished;
import io.chainpos.model.event.TierRulesPublished;
import io.chainpos.model.json.EventCodec;
import io.chainpos.server.db.Database;
import java.util.List;

/** Reads the promotion projection's tables. */
public final class JdbcPromotions implements Promotions {
    private final Database db;
    private final EventCodec codec;

    public JdbcPromotions(Database db, EventCodec codec) {
        this.db = db;
        this.codec = codec;
    }

    @Override
    public PromotionSet latest() {
        return db.read(h -> h.createQuery("SELECT payload FROM promotion_sets ORDER BY version DESC LIMIT 1")
                        .mapTo(String.class).findOne())
                .map(json -> codec.read(json, PromotionsPublished.class))
                .map(set -> new PromotionSet(set.version(), set.effectiveFrom(), set.promotions()))
                .orElse(PromotionSet.NONE);
    }

    @Override
    public List<TierRulesPublished.Tier> tiers() {
        return db.read(h -> h.createQuery("SELECT payload FROM promotion_tier_rules ORDER BY version DESC LIMIT 1")
                        .mapTo(String.class).findOne())
                .map(json -> codec.read(json, TierRulesPublished.class).tiers())
                .orElse(List.of());
    }
}
