package io.chainpos.server.promotion;

import io.chainpos.model.event.TierRulesPublished;
import java.util.List;

/** Head office's published promotions and the member tiers pricing reads, as its events built them. */
public interface Promotions {
    /** The newest promotion set published, {@link PromotionSet#NONE} before the first. */
    PromotionSet latest();

    /** The member tiers of the newest tier rules published (empty before the first). */
    List<TierRulesPublished.Tier> tiers();
}
