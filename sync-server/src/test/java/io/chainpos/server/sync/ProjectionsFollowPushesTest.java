package io.chainpos.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.server.log.Projector;
import io.chainpos.server.testing.Facts;
import io.chainpos.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running server's projections catch up on their own after a push, without anyone reading them: the lag is read
 * from the log and projector heads alone (it merges nothing), and falls to none within moments.
 */
class ProjectionsFollowPushesTest {
    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aPushIsMergedByTheServerItselfWithinMoments() throws InterruptedException {
        TestServer.EnrolledTill till = server.enroll("S001", "S001-T1");
        assertThat(till.push(List.of(till.writer().next(Facts.sale("R-1", "100001", 1500)),
                till.writer().next(Facts.points(Facts.member(3), 20)))).status()).isEqualTo(200);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Projector.Lag lag = server.ports.projector().lag();
        while (!lag.equals(Projector.Lag.NONE) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            lag = server.ports.projector().lag();
        }
        assertThat(lag).isEqualTo(Projector.Lag.NONE);
        String metrics = server.anonymous().get("/metrics").body();
        assertThat(metrics).contains("chainpos_projection_lag_events{database=\"sqlite\"} 0.0");
        // the sale went through the sales facts: some time spent there, and every projection named
        assertThat(server.ports.projector().timeSpent()).hasSize(io.chainpos.server.Ports.projections(io.chainpos.server.web.StoreZones.NONE).size())
                .hasEntrySatisfying("JdbcSalesFactsProjection", spent -> assertThat(spent).isPositive());
        String salesFacts = "chainpos_projection_merge_seconds_total{database=\"sqlite\",projection=\"JdbcSalesFactsProjection\"} ";
        assertThat(metrics).contains(salesFacts).doesNotContain(salesFacts + "0.0\n");
    }
}
