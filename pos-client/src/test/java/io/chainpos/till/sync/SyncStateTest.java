package io.chainpos.till.sync;

import static io.chainpos.till.testing.SyncedTill.cash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.SyncedTill;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status the counter screen binds to, watched through {@link SyncState} while the real agent runs in the
 * background against a real server that goes away and comes back.
 */
class SyncStateTest {
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T03:00:00Z"));
    @TempDir
    Path dir;
    RealServer server;
    SyncedTill till;

    @AfterEach
    void closeAll() {
        if (till != null) {
            till.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theStatusSaysOnlineWhenItLastSyncedWhatWaitsAndTheLastProblem() {
        server = RealServer.startWithDemoData(dir.resolve("server"), clock);
        till = SyncedTill.enroll(dir.resolve("till.db"), clock, server::uri, server.enrollmentCode("S001", "S001-T1"));
        List<SyncStatus> heard = new CopyOnWriteArrayList<>();
        SyncState.Subscription subscription = till.agent.state().subscribe(heard::add);
        assertThat(heard).singleElement().isEqualTo(SyncStatus.starting(0));

        till.agent.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> till.agent.status().connection() == SyncStatus.Connection.ONLINE);
        assertThat(till.agent.status().lastSyncedAt()).isEqualTo(clock.instant());
        assertThat(till.agent.status().problem()).isNull();
        Instant lastSync = clock.instant();

        server.stop();
        clock.advance(Duration.ofMinutes(5));
        assertThat(till.till.shifts.open("cashier", 50_000)).isInstanceOf(io.chainpos.till.shift.Shifts.Opened.class);
        long shiftEvents = till.till.ledger.syncMarks().pendingCount();
        till.sell(null, "100001", 1000, cash(350));
        long pending = till.till.ledger.syncMarks().pendingCount();
        assertThat(pending - shiftEvents).as("a cash sale, its stock movement and the drawer opening").isEqualTo(3);
        assertThat(till.agent.status().waiting()).as("told at the commit, before any round").isEqualTo(pending);
        await().atMost(Duration.ofSeconds(20)).until(() -> till.agent.status().connection() == SyncStatus.Connection.OFFLINE);
        assertThat(till.agent.status().problem()).isEqualTo(TillMessage.of(TillMessage.Code.SERVER_UNREACHABLE));
        assertThat(till.agent.status().lastSyncedAt()).as("the last time it did sync").isEqualTo(lastSync);
        assertThat(till.agent.status().waiting()).isEqualTo(pending);

        server.restart();
        await().atMost(Duration.ofSeconds(30)).until(() -> till.agent.status().connection() == SyncStatus.Connection.ONLINE);
        assertThat(till.agent.status()).isEqualTo(new SyncStatus(SyncStatus.Connection.ONLINE, clock.instant(), 0, null));
        assertThat(heard).extracting(SyncStatus::connection).containsSubsequence(SyncStatus.Connection.STARTING,
                SyncStatus.Connection.ONLINE, SyncStatus.Connection.OFFLINE, SyncStatus.Connection.ONLINE);

        subscription.close();
        int before = heard.size();
        till.sell(null, "100001", 1000, cash(350));
        assertThat(heard).as("a closed subscription hears nothing more").hasSize(before);
    }
}
