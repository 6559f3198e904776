package io.chainpos.server.loyalty;

import io.chainpos.server.member.PointsFacts;
import java.util.List;

/**
 * What head office's loyalty evaluation reads: members' points and tiers from the member feature's port, and
 * head office's published rule sets from the log.
 */
public interface LoyaltyFacts extends PointsFacts {

    /** Every event of head office's of this stored type (rule sets), in the order head office published them. */
    List<io.chainpos.model.event.EventEnvelope> headOfficeEvents(String type);
}
