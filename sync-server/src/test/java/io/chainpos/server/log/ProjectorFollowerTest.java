package io.chainpos.server.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The follower catches up when nudged (a push committed), without waiting for its idle round, and again after a failure;
 * the pushes committed while it gathers are merged together.
 */
class ProjectorFollowerTest {

    /** Counts catch-ups; the first one fails, as a database error would. */
    static class CountingProjector implements Projector {
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
        try (ProjectorFollower follower = new ProjectorFollower(projector, Duration.ofHours(1), Duration.ZERO)) {
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
        try (ProjectorFollower follower = new ProjectorFollower(projector, Duration.ofMillis(50), Duration.ZERO)) {
            assertThat(projector.second.await(10, TimeUnit.SECONDS)).as("other nodes' pushes found by the idle rounds, after the first round failed").isTrue();
        }
    }

    @Test
    void whatFollowsACatchUpRunsAfterEachOneNotAfterAFailedOneAndItsOwnFailureStopsNothing() throws InterruptedException {
        CountingProjector projector = new CountingProjector(); // its first catch-up fails
        List<Integer> catchUpsSeen = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch thrice = new CountDownLatch(3);
        Runnable after = () -> {
            catchUpsSeen.add(projector.calls.get());
            thrice.countDown();
            if (catchUpsSeen.size() == 1) {
                throw new IllegalStateException("the merge could not be published");
            }
        };
        try (ProjectorFollower follower = new ProjectorFollower(projector, Duration.ofMillis(50), Duration.ZERO, after)) {
            assertThat(thrice.await(10, TimeUnit.SECONDS)).as("after three catch-ups, its first failure notwithstanding").isTrue();
        }
        assertThat(catchUpsSeen.subList(0, 3)).as("the catch-ups each followed (the first one failed: nothing followed it)")
                .containsExactly(2, 3, 4);
    }

    @Test
    void pushesCommittedWhileItGathersAreMergedInOneCatchUp() throws InterruptedException {
        CountingProjector projector = new CountingProjector();
        try (ProjectorFollower follower = new ProjectorFollower(projector, Duration.ofHours(1), Duration.ofMillis(400))) {
            long nudged = System.nanoTime();
            follower.nudge();
            follower.nudge();
            follower.nudge();
            assertThat(projector.first.await(10, TimeUnit.SECONDS)).as("caught up after gathering").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - nudged)).as("not before the gathering time").isGreaterThanOrEqualTo(Duration.ofMillis(400));
            Thread.sleep(1_000);
            assertThat(projector.calls.get()).as("three pushes, one catch-up").isEqualTo(1);
        }
    }

    @Test
    void behindItMergesAgainAtOnceWithoutGathering() throws InterruptedException {
        CountDownLatch twice = new CountDownLatch(2);
        long[] firstEnded = new long[1];
        long[] secondStarted = new long[1];
        ProjectorFollower[] follower = new ProjectorFollower[1];
        CountingProjector projector = new CountingProjector() { // its own latches, not the counting projector's
            @Override
            public void catchUp() {
                if (twice.getCount() == 2) {
                    follower[0].nudge(); // a push committed while this catch-up ran
                    firstEnded[0] = System.nanoTime();
                } else {
                    secondStarted[0] = System.nanoTime();
                }
                twice.countDown();
            }
        };
        try (ProjectorFollower f = new ProjectorFollower(projector, Duration.ofHours(1), Duration.ofSeconds(3))) {
            follower[0] = f;
            f.nudge();
            assertThat(twice.await(20, TimeUnit.SECONDS)).as("caught up twice").isTrue();
        }
        assertThat(Duration.ofNanos(secondStarted[0] - firstEnded[0])).as("the second catch-up did not gather first")
                .isLessThan(Duration.ofSeconds(2));
    }
}
