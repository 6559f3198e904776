package io.chainpos.server.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The member report's scoring: made again for every page while it is quick, kept for a minute and then refreshed in the
 * background once it is slow. A real chain of a million members is what makes it slow; here the member activity is
 * read from a list, and {@code slow} stands for the seconds such a chain takes to read and score.
 */
class MemberScoringTest {
    private static final long DAY = 86_400_000L;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T00:00:00Z"));

    /** The activity of the people in {@code people}, read in {@code readTime}; counts its reads. */
    private static final class Activity implements MemberActivities {
        final List<Person> people = new CopyOnWriteArrayList<>();
        final AtomicInteger reads = new AtomicInteger();
        volatile Duration readTime = Duration.ZERO;

        @Override
        public Optional<MemberActivities.Activity> of(MemberId memberId) {
            return Optional.empty();
        }

        @Override
        public Tiers tiers(long fromMs, long untilMs) {
            return new Tiers(java.util.Map.of(), List.of());
        }

        @Override
        public void forEachPerson(Consumer<Person> each) {
            reads.incrementAndGet();
            try {
                Thread.sleep(readTime.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            people.forEach(each);
        }
    }

    private MemberActivities.Person person(String id, String store) {
        long now = clock.millis();
        return new MemberActivities.Person(id, store, now - 400 * DAY, now - 300 * DAY, now - 2 * DAY, 12, 50_000);
    }

    @Test
    void aQuickScoringIsMadeForEveryPageSoNewMembersShowAtOnce() {
        Activity activity = new Activity();
        activity.people.add(person("m1", "S001"));
        try (MemberScoring scoring = new MemberScoring(activity, clock)) {
            assertThat(scoring.of(Optional.empty()).people()).extracting(MemberActivities.Person::memberId).containsExactly("m1");
            activity.people.add(person("m2", "S002"));

            MemberScoring.Scoring again = scoring.of(Optional.empty());

            assertThat(again.people()).extracting(MemberActivities.Person::memberId).containsExactly("m1", "m2");
            assertThat(again.slow()).isFalse();
            assertThat(scoring.of(Optional.of("S002")).people()).extracting(MemberActivities.Person::memberId).containsExactly("m2");
            assertThat(activity.reads).hasValue(3);
        }
    }

    @Test
    void aSlowScoringIsKeptForAMinuteThenShownOnceMoreWhileANewOneIsMadeInTheBackground() {
        Activity activity = new Activity();
        activity.readTime = MemberScoring.SLOW.plusMillis(50);
        activity.people.add(person("m1", "S001"));
        try (MemberScoring scoring = new MemberScoring(activity, clock)) {
            MemberScoring.Scoring first = scoring.of(Optional.empty());
            assertThat(first.slow()).isTrue();
            activity.people.add(person("m2", "S001"));

            clock.advance(Duration.ofSeconds(59));
            assertThat(scoring.of(Optional.empty())).as("within the minute: kept, nothing read").isSameAs(first);
            assertThat(activity.reads).hasValue(1);

            clock.advance(Duration.ofSeconds(2));
            assertThat(scoring.of(Optional.empty())).as("past the minute: shown once more at once").isSameAs(first);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(scoring.of(Optional.empty()).people())
                    .extracting(MemberActivities.Person::memberId).containsExactly("m1", "m2"));
            assertThat(activity.reads).as("one refresh in the background").hasValue(2);
            assertThat(scoring.of(Optional.empty()).atMs()).isEqualTo(clock.millis());
        }
    }
}
