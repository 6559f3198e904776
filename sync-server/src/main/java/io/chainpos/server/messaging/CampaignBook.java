package io.chainpos.server.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Head office's campaigns and whom each chose, held out or not. */
public interface CampaignBook {

    record Campaign(String campaignId, String name, String templateId, CampaignTarget target, int holdoutPercent,
                    String createdBy, Instant created, Instant sent) {
    }

    /** Keeps a new campaign with its members: member id to whether it is held out. */
    void create(Campaign campaign, Map<String, Boolean> members);

    Optional<Campaign> campaign(String campaignId);

    List<Campaign> all();

    /** Member id to whether it was held out. */
    Map<String, Boolean> members(String campaignId);

    /** Marks the campaign sent at {@code at} unless it was already; returns when it was first sent. */
    Instant sent(String campaignId, Instant at);
}
