package io.chainpos.server.member;

import io.chainpos.model.id.MemberId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Members' activity as kept at ingest: visits, spend, tiers; a member counts every id merged into it. */
public interface MemberActivities {

    /** One tier a member moved to ({@code fromTier} null for the tier it registered with), and when. */
    record TierMove(String memberId, String fromTier, String toTier, long atMs) {
    }

    /** One visit (a member sale) or a refund of one, where and when; spend net of refunds. */
    record Visit(String storeId, long atMs, int visits, long spend) {
    }

    /**
     * A person (the survivor's id): home store (where its survivor id registered; null when unknown), when it
     * registered, first and last visit (0 before any), visits and spend net of refunds.
     */
    record Person(String memberId, String homeStore, long registeredMs, long firstVisitMs, long lastVisitMs, long visits,
                  long spend) {
    }

    /** The member (by any of its ids) with its tier history and every visit, in time order. */
    record Activity(Person person, List<TierMove> tiers, List<Visit> visits) {
    }

    /** Each person's tier now (the latest move of any of its ids) and the tier changes (not registrations) in a period. */
    record Tiers(java.util.Map<String, String> now, List<TierMove> moved) {
    }

    Optional<Activity> of(MemberId memberId);

    /** Tiers by person (the survivor's id); {@code moved} holds the changes from {@code fromMs} (inclusive) to {@code untilMs}. */
    Tiers tiers(long fromMs, long untilMs);

    /** Every registered or visiting person, merged ids counted in their survivor, in member id order. */
    void forEachPerson(Consumer<Person> each);

    /**
     * The persons whose home store is {@code homeStore}, as {@link #forEachPerson} gives them, in member id order.
     * A store's report reads its own members through this, not the chain's.
     */
    default void forEachPersonAt(String homeStore, Consumer<Person> each) {
        forEachPerson(p -> {
            if (homeStore.equals(p.homeStore())) {
                each.accept(p);
            }
        });
    }

    /**
     * As {@link #tiers(long, long)}, for at least the persons whose home store is {@code homeStore} (others may be
     * included: a reader keeps the persons it shows).
     */
    default Tiers tiersAt(String homeStore, long fromMs, long untilMs) {
        return tiers(fromMs, untilMs);
    }
}
