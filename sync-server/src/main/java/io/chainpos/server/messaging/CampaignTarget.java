package io.chainpos.server.messaging;

import io.chainpos.server.member.MemberActivities;
import io.chainpos.server.member.MemberSegments;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * Who a campaign is for, as chosen in the back office; an empty criterion (null, false) does not narrow. A member
 * must meet every criterion given.
 *
 * @param lastVisitBefore members who visited, but not since the start of that day
 * @param boughtSku members who bought this product (a member merged from several ids: by any of them)
 * @param boughtWithinDays with {@code boughtSku}: only on the store's local days from this many days before today
 *                         to today; null: ever
 */
public record CampaignTarget(MemberSegments.Segment segment, boolean churnRisk, String tier, String homeStore,
                             LocalDate lastVisitBefore, String boughtSku, Integer boughtWithinDays) {

    /** A target without a product criterion. */
    public CampaignTarget(MemberSegments.Segment segment, boolean churnRisk, String tier, String homeStore, LocalDate lastVisitBefore) {
        this(segment, churnRisk, tier, homeStore, lastVisitBefore, null, null);
    }

    public static CampaignTarget everyone() {
        return new CampaignTarget(null, false, null, null, null);
    }

    /**
     * The chain's view of its members the criteria are judged against, read once per campaign; {@code buyers} the
     * members who bought the product asked for (null when none is).
     */
    public record Standing(Map<String, MemberSegments.Segment> segments, Set<String> atRisk, Map<String, String> tiers, Set<String> buyers,
                           ZoneId zone) {
    }

    public boolean matches(MemberActivities.Person p, Standing standing) {
        if (segment != null && segment != standing.segments().get(p.memberId())) {
            return false;
        }
        if (churnRisk && !standing.atRisk().contains(p.memberId())) {
            return false;
        }
        if (tier != null && !tier.equals(standing.tiers().get(p.memberId()))) {
            return false;
        }
        if (homeStore != null && !homeStore.equals(p.homeStore())) {
            return false;
        }
        if (boughtSku != null && !standing.buyers().contains(p.memberId())) {
            return false;
        }
        return lastVisitBefore == null
                || p.visits() > 0 && p.lastVisitMs() < lastVisitBefore.atStartOfDay(standing.zone()).toInstant().toEpochMilli();
    }
}
