package io.chainpos.server.metrics;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.points;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.server.cli.ServerSettings;
import io.chainpos.server.testing.Api;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.TestServer.EnrolledTill;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics}: Prometheus text with what sync did, counted as it happened. */
class MetricsApiTest {
    @TempDir
    Path dir;

    static double value(String metrics, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.E+-]+)$", Pattern.MULTILINE).matcher(metrics);
        assertThat(m.find()).as("%s in%n%s", series, metrics).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void pushesPullsAndQuarantinesAreCounted() {
        try (TestServer server = TestServer.start(dir)) {
            EnrolledTill a1 = server.enroll("S001", "S001-T1");
            EnrolledTill a2 = server.enroll("S001", "S001-T2");
            List<EventEnvelope> batch = a1.writer().next(List.of(points(member(1), 1), points(member(1), 2), points(member(1), 3)));
            a1.push(batch);
            a1.push(batch);
            EventEnvelope first = batch.getFirst();
            EventEnvelope impostor = new EventEnvelope(first.eventId(), first.storeId(), first.tillId(), 1, 1, first.hlc(),
                    first.occurredAt(), points(member(1), 99));
            assertThat(a1.push(List.of(impostor)).status()).isEqualTo(409);
            a2.api().get("/api/v1/sync/pull?after=1");

            Api.Reply reply = server.anonymous().get("/metrics");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.contentType()).startsWith("text/plain");
            String metrics = reply.body();
            assertThat(value(metrics, "chainpos_events_ingested_total{database=\"sqlite\",outcome=\"accepted\"}")).isEqualTo(3);
            assertThat(value(metrics, "chainpos_events_ingested_total{database=\"sqlite\",outcome=\"duplicate\"}")).isEqualTo(3);
            assertThat(value(metrics, "chainpos_events_quarantined_total{database=\"sqlite\",reason=\"key_reused\"}")).isEqualTo(1);
            assertThat(value(metrics, "chainpos_push_batch_size_events_count{database=\"sqlite\"}")).isEqualTo(3);
            assertThat(value(metrics, "chainpos_push_batch_size_events_sum{database=\"sqlite\"}")).isEqualTo(7);
            assertThat(value(metrics, "chainpos_push_latency_seconds_count{database=\"sqlite\"}")).isEqualTo(3);
            assertThat(value(metrics, "chainpos_pull_lag_events{database=\"sqlite\",till=\"S001-T2\"}")).as("3 stored, asked after 1")
                    .isEqualTo(2);
            assertThat(metrics).contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void aMetricsTokenKeepsStrangersOut() {
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, false, Duration.ofDays(30), "scrape-secret");
        try (TestServer server = TestServer.start(dir, settings)) {
            assertThat(server.anonymous().get("/metrics").status()).isEqualTo(401);
            assertThat(server.anonymous().as("wrong").get("/metrics").status()).isEqualTo(401);
            Api.Reply reply = server.anonymous().as("scrape-secret").get("/metrics");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).contains("chainpos_events_ingested_total");
        }
    }
}
