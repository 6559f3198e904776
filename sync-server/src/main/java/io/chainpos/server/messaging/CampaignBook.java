package io.chainpos.server.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Head office's campaigns and whom each chose, held out or not. */
public interface CampaignBook {

    /** @param couponPromotion the coupon promotion whose codes its messages give (null: none) */
    record Campaign(String campaignId, String name, String templateId, CampaignTarget target, int holdoutPercent,
                    String createdBy, Instant created, Instant sent, String couponPromotion) {
    }

    /** One of the codes to give was given meanwhile by another campaign or greeting: nothing was kept. */
    final class CodesTaken extends RuntimeException {
        public CodesTaken(String code) {
            super("coupon code already given: " + code);
        }
    }

    /**
     * Keeps a new campaign with its members (member id to whether it is held out) and the coupon code each targeted
     * member will get (member id to code), all or nothing.
     *
     * @throws CodesTaken when one of the codes was given meanwhile
     */
    void create(Campaign campaign, Map<String, Boolean> members, Map<String, String> codes);

    Optional<Campaign> campaign(String campaignId);

    List<Campaign> all();

    /** Member id to whether it was held out. */
    Map<String, Boolean> members(String campaignId);

    /** Marks the campaign sent at {@code at} unless it was already; returns when it was first sent. */
    Instant sent(String campaignId, Instant at);
}
