package io.chainpos.server.messaging;

import java.time.Instant;
import java.util.Map;

/**
 * A campaign's effect from its send to {@code until}: visits and spend (minor units) per member, targeted against
 * held out, each difference with its 95% interval; its messages by delivery status; and, for a campaign with coupons,
 * how many codes went out in sent messages and how many of those a sale used.
 */
public record CampaignReport(CampaignBook.Campaign campaign, Instant until, Map<Outbox.Status, Long> messages, Difference visits,
                             Difference spend, int codesSent, int codesRedeemed) {
}
