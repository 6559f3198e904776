package io.chainpos.server.member;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Everyone the member report scores (the chain's members, or one home store's): read from the member activity,
 * RFM-scored, active and lapsed counted, churn risks found. A scoring that took longer than {@link #SLOW} (a chain
 * with a million members takes seconds) is kept and shown for up to {@link #KEPT}, then shown once more while a
 * new one is made in the background, so the page answers at once and says how old its figures are. A quick
 * scoring (a small chain, one store) is made again for every page, so its figures are always those of the moment.
 */
final class MemberScoring implements AutoCloseable {
    static final Duration SLOW = Duration.ofMillis(200);
    static final Duration KEPT = Duration.ofMinutes(1);
    /** Scorings kept at most: the chain's and the slowest stores' (one store's is small). */
    private static final int KEEP = 32;

    /**
     * One scoring: when it was made (the clock's time its figures are of) and how long it took; with the people's
     * tiers now (members per tier) and every tier change of theirs (not registrations), for any period's moves.
     */
    record Scoring(List<MemberActivities.Person> people, List<MemberSegments.Scored> scored, long[] activeLapsedNever,
                   List<MemberSegments.ChurnRisk> risks, Map<String, Long> tiersNow, List<MemberActivities.TierMove> tierMoves,
                   long atMs, long tookMs) {
        boolean slow() {
            return tookMs >= SLOW.toMillis();
        }
    }

    private final MemberActivities activities;
    private final Clock clock;
    private final Map<Optional<String>, Scoring> kept = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Optional<String>, Scoring> eldest) {
            return size() > KEEP;
        }
    });
    private final Set<Optional<String>> refreshing = ConcurrentHashMap.newKeySet();
    private final ExecutorService background = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("member-scoring").factory());

    MemberScoring(MemberActivities activities, Clock clock) {
        this.activities = activities;
        this.clock = clock;
    }

    /** The scoring of {@code homeStore}'s members (the chain's when empty): kept when slow, else made now. */
    Scoring of(Optional<String> homeStore) {
        Scoring last = kept.get(homeStore);
        if (last == null || !last.slow()) {
            return score(homeStore);
        }
        if (clock.millis() - last.atMs() >= KEPT.toMillis() && refreshing.add(homeStore)) {
            background.execute(() -> {
                try {
                    score(homeStore);
                } finally {
                    refreshing.remove(homeStore);
                }
            });
        }
        return last;
    }

    private Scoring score(Optional<String> homeStore) {
        long started = System.nanoTime();
        long now = clock.millis();
        List<MemberActivities.Person> people = new ArrayList<>();
        homeStore.ifPresentOrElse(store -> activities.forEachPersonAt(store, people::add), () -> activities.forEachPerson(people::add));
        MemberActivities.Tiers tiers = homeStore.map(store -> activities.tiersAt(store, 0, Long.MAX_VALUE))
                .orElseGet(() -> activities.tiers(0, Long.MAX_VALUE));
        java.util.function.Predicate<String> shown;
        if (homeStore.isEmpty()) {
            shown = person -> true;
        } else {
            Set<String> ids = new java.util.HashSet<>();
            people.forEach(p -> ids.add(p.memberId()));
            shown = ids::contains;
        }
        Map<String, Long> tiersNow = new java.util.TreeMap<>();
        tiers.now().forEach((person, tier) -> {
            if (shown.test(person)) {
                tiersNow.merge(tier, 1L, Long::sum);
            }
        });
        List<MemberActivities.TierMove> moves = tiers.moved().stream().filter(move -> shown.test(move.memberId())).toList();
        Scoring scoring = new Scoring(List.copyOf(people), MemberSegments.rfm(people), MemberSegments.activeLapsedNever(people, now),
                MemberSegments.churnRisk(people, now), java.util.Collections.unmodifiableMap(tiersNow), moves, now,
                (System.nanoTime() - started) / 1_000_000);
        if (scoring.slow()) {
            kept.put(homeStore, scoring);
        } else {
            kept.remove(homeStore);
        }
        return scoring;
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
