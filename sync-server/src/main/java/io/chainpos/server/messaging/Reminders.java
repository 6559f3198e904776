package io.chainpos.server.messaging;

import io.chainpos.model.id.MemberId;
import io.chainpos.server.loyalty.ExpiringPointsReport;
import io.chainpos.server.member.MemberActivities;
import java.util.List;
import java.util.Map;

/**
 * The service messages queued from what the chain already knows: points about to expire (the expiring-points list),
 * a tier upgrade (a tier move to a higher tier than before), stored value running low. Each goes through
 * {@link Messaging}, so consent, erasure, the cap and quiet hours hold for them as for a campaign.
 */
public final class Reminders {
    /** How many were queued and how many the rules refused. */
    public record Count(int queued, int refused) {
        Count plus(Messaging.Outcome outcome) {
            return outcome instanceof Messaging.Queued ? new Count(queued + 1, refused) : new Count(queued, refused + 1);
        }
    }

    private final Messaging messaging;

    public Reminders(Messaging messaging) {
        this.messaging = messaging;
    }

    /** One message to each member of the expiring-points list, with {expiringPoints} and {expiryDate}. */
    public Count pointsExpiring(ExpiringPointsReport.Report report, MessageTemplate template, String lang) {
        require(template, MessageKind.POINTS_EXPIRING);
        Count count = new Count(0, 0);
        for (ExpiringPointsReport.Line line : report.members()) {
            count = count.plus(messaging.queue(MemberId.parse(line.memberId()), template, lang,
                    Map.of("expiringPoints", Long.toString(line.points()), "expiryDate", line.lastDay().toString()), null));
        }
        return count;
    }

    /**
     * One message to each member who moved up a tier: {@code tierOrder} lists the chain's tiers lowest first; a move
     * down or between tiers not in it sends nothing.
     */
    public Count tierUpgrades(List<MemberActivities.TierMove> moves, List<String> tierOrder, MessageTemplate template, String lang) {
        require(template, MessageKind.TIER_UPGRADE);
        Count count = new Count(0, 0);
        for (MemberActivities.TierMove move : moves) {
            int from = tierOrder.indexOf(move.fromTier());
            int to = tierOrder.indexOf(move.toTier());
            if (from >= 0 && to > from) {
                count = count.plus(messaging.queue(MemberId.parse(move.memberId()), template, lang, Map.of("tier", move.toTier()), null));
            }
        }
        return count;
    }

    /** One message to each of these members, whose stored value is below the chain's threshold (in minor units). */
    public Count storedValueLow(List<MemberId> members, MessageTemplate template, String lang) {
        require(template, MessageKind.STORED_VALUE_LOW);
        Count count = new Count(0, 0);
        for (MemberId member : members) {
            count = count.plus(messaging.queue(member, template, lang, Map.of(), null));
        }
        return count;
    }

    private static void require(MessageTemplate template, MessageKind kind) {
        if (template.kind() != kind) {
            throw new IllegalArgumentException("a " + kind + " message needs a " + kind + " template, not " + template.kind());
        }
    }
}
