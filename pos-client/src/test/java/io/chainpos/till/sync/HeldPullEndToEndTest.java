package io.chainpos.till.sync;

import static io.chainpos.till.testing.SyncedTill.cash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.testing.Api;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.SyncedTill;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real tills of one store with their agents running against a real server: an idle till holds one pull open
 * and hears of its neighbour's sale through it, and the sales of a moment go to the server in one push.
 */
class HeldPullEndToEndTest {
    private static final String COLA = "100001";
    private static final String PULL = "/api/v1/sync/pull";
    private static final String PUSH = "/api/v1/sync/push";
    private static final Pattern WAITING = Pattern.compile("(?m)^chainpos_pulls_waiting(?:\\{[^}]*})? ([0-9.]+)$");

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T03:00:00Z"));
    @TempDir
    Path dir;
    RealServer server;
    SyncedTill first;
    SyncedTill second;

    @BeforeEach
    void start() {
        server = RealServer.startWithDemoData(dir.resolve("server"), clock);
        first = SyncedTill.enroll(dir.resolve("t1.db"), clock, server::uri, server.enrollmentCode("S001", "S001-T1"));
        second = SyncedTill.enroll(dir.resolve("t2.db"), clock, server::uri, server.enrollmentCode("S001", "S001-T2"));
        first.agent.start();
        second.agent.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingPulls() == 2);
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
        server.close();
    }

    @Test
    void anIdleTillHearsOfItsNeighboursSaleThroughTheOnePullItHolds() {
        long stock = first.stock(COLA);
        long pullsBefore = count(first, PULL);

        second.sell(null, COLA, 1_000, cash(350));

        await().atMost(Duration.ofSeconds(15)).until(() -> first.stock(COLA) == stock - 1_000);
        // the held pull answered, and the next one is held: no polling in between
        await().atMost(Duration.ofSeconds(15)).until(() -> waitingPulls() == 2);
        assertThat(count(first, PULL) - pullsBefore).isBetween(1L, 3L);
        assertThat(first.agent.status().connection()).isEqualTo(SyncStatus.Connection.ONLINE);
    }

    @Test
    void theSalesOfAMomentGoInOnePushSoonAfterTheFirst() {
        long pushesBefore = count(second, PUSH);

        for (int sale = 0; sale < 3; sale++) {
            second.sell(null, COLA, 1_000, cash(350));
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> second.till.ledger.syncMarks().pendingCount() == 0);
        assertThat(count(second, PUSH) - pushesBefore).isEqualTo(1);
        long stock = second.stock(COLA);
        await().atMost(Duration.ofSeconds(15)).until(() -> first.stock(COLA) == stock);
    }

    private static long count(SyncedTill till, String path) {
        return till.requested.stream().filter(path::equals).count();
    }

    private long waitingPulls() {
        Matcher matcher = WAITING.matcher(new Api(server.uri(), null).get("/metrics").body());
        return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : -1;
    }
}
