package io.chainpos.server.member;

import java.util.List;
import java.util.function.Consumer;

/** Members' points and tiers as merged, read member by member for head office's loyalty evaluation. */
public interface PointsFacts {

    /** One points change of a member as merged: when, how much. */
    record PointsRow(long occurredMs, long delta) {
    }

    /** A member (survivor id) and every points change of it and of the ids merged into it, in time order. */
    record MemberPoints(String memberId, List<PointsRow> changes) {
    }

    /** A member's current tier (last writer across its ids) and its measure in a period. */
    record TierStanding(String memberId, String tierCode, long measure) {
    }

    /** A member (survivor id) and its points as lots by earn day, as kept at ingest. */
    record MemberLots(String memberId, io.chainpos.model.loyalty.PointsLots lots) {
    }

    /** Calls {@code each} once per member with points changes, in member order. */
    void pointsHistory(Consumer<MemberPoints> each);

    /**
     * Calls {@code each}, in member order, with every member holding a lot earned on or before {@code earnedBy}
     * (and all of that member's lots, so its balance too): the members whose points can have expired by a day.
     */
    void lotsEarnedBy(java.time.LocalDate earnedBy, Consumer<MemberLots> each);

    /**
     * Every member with a tier, with what counts towards a tier between {@code fromMs} (inclusive) and
     * {@code untilMs}: qualifying spend, or when {@code bySpend} is false the points earned (EARN and REVERSE).
     */
    List<TierStanding> tierStandings(long fromMs, long untilMs, boolean bySpend);
}
