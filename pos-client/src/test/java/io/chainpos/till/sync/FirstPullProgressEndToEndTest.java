package io.chainpos.till.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.SyncedTill;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new till in a young chain (nothing older than the retention) pulls page after page: its progress counts the
 * events pulled so far, with no total (the bar runs without one), and is over once the last page is in.
 */
class FirstPullProgressEndToEndTest {
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T03:00:00Z"));
    @TempDir
    Path dir;

    @Test
    void pagesPulledOneAfterAnotherAreCountedUntilTheLast() throws Exception {
        try (RealServer server = RealServer.startOn(dir.resolve("server.db").toString(), clock, Duration.ofDays(30), true);
             SyncedTill storeA = SyncedTill.enroll(dir.resolve("a.db"), clock, server::uri, server.enrollmentCode("S001", "S001-T1"))) {
            storeA.sync();
            for (int i = 0; i < 60; i++) {
                storeA.register("1371111%04d".formatted(i), "会员" + i);
            }
            storeA.sync();
            SyncAgent.Settings smallPages = new SyncAgent.Settings(500, 20, Duration.ofSeconds(10), Duration.ofSeconds(1),
                    Duration.ofMinutes(5));
            try (SyncedTill fresh = SyncedTill.enroll(dir.resolve("b.db"), clock, server::uri, server.enrollmentCode("S002", "S002-T1"),
                    smallPages)) {
                List<SyncProgress> progress = new CopyOnWriteArrayList<>();
                fresh.agent.onProgress(progress::add);

                SyncAgent.Round round = fresh.sync();

                assertThat(fresh.requested).doesNotContain("/api/v1/sync/snapshots", "/api/v1/sync/snapshot");
                List<SyncProgress> pulling = progress.stream().filter(p -> p.stage() == SyncProgress.Stage.PULLING).toList();
                assertThat(pulling).as("a report after every page but the last").hasSizeGreaterThanOrEqualTo(3)
                        .allSatisfy(p -> assertThat(p.fraction()).isEqualTo(-1));
                assertThat(pulling).extracting(SyncProgress::done).isSorted().last().isEqualTo((long) pulling.size() * 20);
                assertThat(round.pulled()).isGreaterThan((int) pulling.getLast().done());
                assertThat(progress.getLast()).isEqualTo(SyncProgress.IDLE);
            }
        }
    }
}
