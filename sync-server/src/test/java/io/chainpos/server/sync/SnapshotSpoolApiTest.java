package io.chainpos.server.sync;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.points;
import static io.chainpos.server.testing.Facts.registered;
import static io.chainpos.server.testing.Facts.storedValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainpos.server.demo.DemoData;
import io.chainpos.server.headoffice.HeadOffice;
import io.chainpos.server.testing.Api;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.TestServer.EnrolledTill;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot on the wire: gzip when the till asks for it (the bytes as they travel, read with a client that does
 * not unpack them), the old answer unchanged for a till that does not, and the spooled snapshot served from any byte
 * so a cut download resumes, to its own till only and for an hour.
 */
class SnapshotSpoolApiTest {
    /** A client that hands back the bytes as they came: java.net.http never unpacks gzip by itself. */
    static final HttpClient RAW = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    TestServer server;
    EnrolledTill a1;
    EnrolledTill b1;
    Path spool;

    @BeforeEach
    void start() {
        spool = dir.resolve("spool");
        server = TestServer.start(dir, TestServer.settings(false).withPullRetention(Duration.ofDays(30)).withSnapshotSpool(spool));
        a1 = server.enroll("S001", "S001-T1");
        b1 = server.enroll("S002", "S002-T1");
        new HeadOffice(server.ports.log(), Json.CODEC, server.clock).publish(DemoData.catalog(server.clock.instant()));
        List<io.chainpos.model.event.Event> facts = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            facts.add(registered(member(i), "139000%05d".formatted(i), "Member " + i));
            facts.add(points(member(i), i));
            facts.add(storedValue(member(i), 100L * i));
        }
        b1.push(b1.writer().next(facts));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theSnapshotTravelsGzippedWhenAskedAndAsBeforeWhenNot() throws Exception {
        HttpResponse<byte[]> plain = raw(a1.api().request("/api/v1/sync/snapshot"));
        HttpResponse<byte[]> zipped = raw(a1.api().request("/api/v1/sync/snapshot").header("Accept-Encoding", "gzip"));

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).as("a till that does not ask gets plain JSON").isEmpty();
        assertThat(new String(plain.body(), 0, 8, StandardCharsets.UTF_8)).startsWith("{\"next\":");
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(zipped.body()).startsWith((byte) 0x1f, (byte) 0x8b);
        assertThat(zipped.body().length).as("members and catalog compress well").isLessThan(plain.body().length / 3);
        assertThat(Json.CODEC.mapper().readTree(gunzip(zipped.body()))).isEqualTo(Json.CODEC.mapper().readTree(plain.body()));
    }

    @Test
    void aPageOfPullsTravelsGzippedWhenAsked() throws Exception {
        HttpResponse<byte[]> zipped = raw(a1.api().request("/api/v1/sync/pull?after=0&limit=500").header("Accept-Encoding", "gzip"));

        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(Json.CODEC.mapper().readTree(gunzip(zipped.body())).get("events").size()).isEqualTo(500);
    }

    @Test
    void aSpooledSnapshotIsTheStreamedOneGzippedAndResumesFromAnyByte() throws Exception {
        JsonNode spooled = a1.api().post("/api/v1/sync/snapshots", "").json();
        byte[] whole = raw(a1.api().request("/api/v1/sync/snapshots/" + spooled.get("id").asText())).body();

        assertThat(whole.length).isEqualTo(spooled.get("length").asLong());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(whole))).isEqualTo(spooled.get("sha256").asText());
        JsonNode content = Json.CODEC.mapper().readTree(gunzip(whole));
        JsonNode streamed = a1.api().get("/api/v1/sync/snapshot").json();
        assertThat(content).as("the same events as the streamed snapshot at the same head").isEqualTo(streamed);
        assertThat(spooled.get("next").asLong()).isEqualTo(content.get("next").asLong());
        assertThat(spooled.get("events").asInt()).isEqualTo(content.get("events").size());

        int cut = whole.length / 3;
        HttpResponse<byte[]> rest = raw(a1.api().request("/api/v1/sync/snapshots/" + spooled.get("id").asText())
                .header("Range", "bytes=" + cut + "-"));
        assertThat(rest.statusCode()).isEqualTo(206);
        assertThat(rest.headers().firstValue("Content-Range")).contains("bytes " + cut + "-" + (whole.length - 1) + "/" + whole.length);
        assertThat(rest.headers().firstValue("Content-Encoding")).as("the file is gzip already, its bytes travel as they are").isEmpty();
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        joined.write(whole, 0, cut);
        joined.write(rest.body());
        assertThat(joined.toByteArray()).isEqualTo(whole);
    }

    @Test
    void aSpooledSnapshotIsItsTillsOnlyAndGoneAfterAnHour() throws Exception {
        String id = a1.api().post("/api/v1/sync/snapshots", "").json().get("id").asText();

        Api.Reply other = b1.api().get("/api/v1/sync/snapshots/" + id);
        assertThat(other.status()).as("another till's snapshot").isEqualTo(404);
        assertThat(other.error()).isEqualTo("not_found");
        assertThat(a1.api().get("/api/v1/sync/snapshots/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(a1.api().send(a1.api().request("/api/v1/sync/snapshots/" + id).header("Range", "bytes=999999999-")).status())
                .isEqualTo(400);
        assertThat(server.anonymous().get("/api/v1/sync/snapshots/" + id).status()).isEqualTo(401);
        try (var files = Files.list(spool)) {
            assertThat(files.toList()).hasSize(1);
        }

        server.clock.advance(SnapshotSpool.KEEP.plusMinutes(1));

        assertThat(a1.api().get("/api/v1/sync/snapshots/" + id).status()).isEqualTo(404);
        try (var files = Files.list(spool)) {
            assertThat(files.toList()).as("the file is deleted with it").isEmpty();
        }
    }

    private static HttpResponse<byte[]> raw(HttpRequest.Builder request) throws IOException, InterruptedException {
        return RAW.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
