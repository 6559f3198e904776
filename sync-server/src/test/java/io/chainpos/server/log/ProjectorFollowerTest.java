package io.chainpos.server.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The follower catches up when nudged (a push committed), without waiting for its idle round, and again after a failure. */
class ProjectorFollowerTest {

    /** Counts catch-ups; the first one fails, as a database error would. */
    static final class CountingProjector implements Projector {
        final AtomicInteger calls = new AtomicInteger();
        final CountDownLatch first = new CountDownLatch(1);
        final CountDownLatch second = new CountDownLatch(2);

        @Override
        public void catchUp() {
            first.countDown();
            second.countDown();
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the database went away");
            }
        }

        @Override
        public void catchUpWithin(long events) {
            catchUp();
        }

        @Override
        public Lag lag() {
            return Lag.NONE;
        }

        @Override
        public java.util.Map<String, Duration> timeSpent() {
            return java.util.Map.of();
        }
    }

    @Test
    void aNudgeCatchesUpAtOnceWithoutWaitingForTheIdleRound() throws InterruptedException {
        CountingProjector projector = new CountingProjector();
        try (ProjectorFollower follower = new ProjectorFollower(projector, Duration.ofHours(1))) {
            Thread.sleep(100);
            assertThat(projector.calls.get()).as("nothing before a push or the idle round").isZero();
            follower.nudge();
            assertThat(projector.first.await(10, TimeUnit.SECONDS)).as("caught up on the nudge").isTrue();
        }
        int after = projector.calls.get();
        Thread.sleep(500);
        assertThat(projector.calls.get()).as("closed: no more rounds").isEqualTo(after);
    }

    @Test
    void withoutANudgeItCatchesUpEveryIdleRoundAndTriesAgainAfterAFailure() throws InterruptedException {
        CountingProjector projector = new CountingProjector();
        try (ProjectorFollower follower = new ProjectorFollower(projector, Duration.ofMillis(50))) {
            assertThat(projector.second.await(10, TimeUnit.SECONDS)).as("other nodes' pushes found by the idle rounds, after the first round failed").isTrue();
        }
    }
}
