package io.chainpos.model.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class HybridLogicalClockTest {
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void followsTheWallClockWhenItMovesForward() {
        ManualClock wall = new ManualClock(T0);
        HybridLogicalClock hlc = new HybridLogicalClock(wall);

        long first = hlc.now();
        wall.advance(Duration.ofSeconds(5));
        long second = hlc.now();

        assertThat(HybridLogicalClock.physicalMillis(first)).isEqualTo(T0.toEpochMilli());
        assertThat(HybridLogicalClock.physicalMillis(second)).isEqualTo(T0.plusSeconds(5).toEpochMilli());
        assertThat(HybridLogicalClock.counter(second)).isZero();
    }

    @Test
    void staysMonotonicWhenTheWallClockStepsBack() {
        ManualClock wall = new ManualClock(T0);
        HybridLogicalClock hlc = new HybridLogicalClock(wall);
        long before = hlc.now();

        wall.set(T0.minus(Duration.ofHours(3)));
        long after = hlc.now();
        long later = hlc.now();

        assertThat(after).isGreaterThan(before);
        assertThat(later).isGreaterThan(after);
        assertThat(HybridLogicalClock.physicalMillis(after)).isEqualTo(T0.toEpochMilli());
        assertThat(HybridLogicalClock.counter(later)).isEqualTo(2);
    }

    @Test
    void resumesFromTheLastTimestampAfterARestart() {
        ManualClock wall = new ManualClock(T0);
        long lastBeforeRestart = new HybridLogicalClock(wall).now();
        wall.set(T0.minusSeconds(60));

        HybridLogicalClock restarted = new HybridLogicalClock(wall, lastBeforeRestart, Duration.ofHours(1));

        assertThat(restarted.now()).isGreaterThan(lastBeforeRestart);
    }

    @Test
    void movesPastAnObservedTimestampWithinTheAllowedSkew() {
        ManualClock wall = new ManualClock(T0);
        HybridLogicalClock hlc = new HybridLogicalClock(wall, 0, Duration.ofMinutes(10));
        long remote = HybridLogicalClock.of(T0.plusSeconds(120).toEpochMilli(), 7);

        boolean adopted = hlc.observe(remote);

        assertThat(adopted).isTrue();
        assertThat(hlc.now()).isGreaterThan(remote);
    }

    @Test
    void refusesToBeDraggedForwardByAClockDaysAhead() {
        ManualClock wall = new ManualClock(T0);
        HybridLogicalClock hlc = new HybridLogicalClock(wall, 0, Duration.ofMinutes(10));
        long remote = HybridLogicalClock.of(T0.plus(Duration.ofDays(3)).toEpochMilli(), 0);

        boolean adopted = hlc.observe(remote);

        assertThat(adopted).isFalse();
        assertThat(HybridLogicalClock.physicalMillis(hlc.now())).isEqualTo(T0.toEpochMilli());
    }

    @Property
    void neverRepeatsNorGoesBackWhateverTheWallClockDoes(
            @ForAll @Size(min = 1, max = 200) List<@IntRange(min = -100_000, max = 100_000) Integer> steps) {
        ManualClock wall = new ManualClock(T0);
        HybridLogicalClock hlc = new HybridLogicalClock(wall);
        long previous = hlc.now();
        for (int step : steps) {
            wall.advance(Duration.ofMillis(step));
            long next = hlc.now();
            assertThat(next).isGreaterThan(previous);
            previous = next;
        }
    }
}
