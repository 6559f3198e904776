package io.chainpos.server.sync;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.points;
import static io.chainpos.server.testing.Facts.registered;
import static io.chainpos.server.testing.Facts.sale;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.server.testing.Api;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.TestServer.EnrolledTill;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v1/sync/pull}: which events a till receives, in what order, and how the cursor moves. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PullApiTest {
    /** The server under test: on a SQLite file here; {@code PullApiOnPostgresTest} runs the same tests on PostgreSQL. */
    TestServer startServer(Path folder) {
        return TestServer.start(folder);
    }

    @TempDir
    Path dir;
    TestServer server;
    EnrolledTill a1;
    EnrolledTill a2;
    EnrolledTill b1;

    @BeforeEach
    void start() {
        server = startServer(dir);
        a1 = server.enroll("S001", "S001-T1");
        a2 = server.enroll("S001", "S001-T2");
        b1 = server.enroll("S002", "S002-T1");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static List<String> eventIds(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.json().get("events").forEach(e -> ids.add(e.get("eventId").asText()));
        return ids;
    }

    @Test
    void aTillReceivesChainFactsAndItsStoresSalesButNotItsOwnNorOtherStoresSales() {
        a1.push(a1.writer().next(List.of(sale("S001-T1-1", "100001", 350), points(member(1), 3))));
        List<EventEnvelope> neighbour = a2.writer().next(List.of(sale("S001-T2-1", "100001", 350)));
        a2.push(neighbour);
        List<EventEnvelope> otherStore = b1.writer().next(List.of(sale("S002-T1-1", "100001", 350),
                registered(member(2), "13900000002", "李四")));
        b1.push(otherStore);

        Api.Reply reply = a1.api().get("/api/v1/sync/pull?after=0");

        assertThat(eventIds(reply)).containsExactly(neighbour.getFirst().eventId().toString(),
                otherStore.get(1).eventId().toString());
        assertThat(reply.json().get("next").asLong()).isEqualTo(5);
        assertThat(reply.json().get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void aReinstalledTillGetsItsFormerEpochBackButNeverItsCurrentOne() {
        List<EventEnvelope> formerLife = a1.writer().next(List.of(registered(member(5), "13900000005", "旧"), points(member(5), 40)));
        a1.push(formerLife);
        EnrolledTill reinstalled = server.enroll("S001", "S001-T1");
        assertThat(reinstalled.writer().epoch).isEqualTo(2);
        reinstalled.push(reinstalled.writer().next(List.of(points(member(5), 2))));

        Api.Reply reply = reinstalled.api().get("/api/v1/sync/pull?after=0");

        assertThat(eventIds(reply)).containsExactly(formerLife.get(0).eventId().toString(), formerLife.get(1).eventId().toString());
    }

    @Test
    void eventsGoOutExactlyAsStored() {
        ObjectNode node = Json.CODEC.toTree(b1.writer().next(points(member(3), 1)));
        node.put("type", "CouponIssued");
        node.put("schemaVersion", 2);
        node.putObject("payload").put("code", "满100减10").put("big", new java.math.BigInteger("98765432109876543210"));
        b1.api().post("/api/v1/sync/push", Json.push("S002-T1", 1, List.of(node)));

        Api.Reply reply = a1.api().get("/api/v1/sync/pull");

        assertThat(reply.body()).contains(Json.CODEC.canonical(node));
        JsonNode pulled = reply.json().get("events").get(0);
        assertThat(pulled).isEqualTo(Json.parse(Json.CODEC.canonical(node)));
    }

    @Test
    void pagesFollowTheCursorAndTheLimitIsCappedAtAThousand() {
        for (int batch = 0; batch < 3; batch++) {
            List<EventEnvelope> events = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                events.add(b1.writer().next(points(member(4), 1)));
            }
            b1.push(events);
        }

        Api.Reply capped = a1.api().get("/api/v1/sync/pull?after=0&limit=5000");
        Api.Reply rest = a1.api().get("/api/v1/sync/pull?after=" + capped.json().get("next").asLong() + "&limit=5000");
        Api.Reply defaults = a1.api().get("/api/v1/sync/pull?after=0");

        assertThat(eventIds(capped)).hasSize(SyncRoutes.MAX_PULL_LIMIT);
        assertThat(capped.json().get("hasMore").asBoolean()).isTrue();
        assertThat(eventIds(rest)).hasSize(200);
        assertThat(rest.json().get("hasMore").asBoolean()).isFalse();
        assertThat(rest.json().get("next").asLong()).isEqualTo(1_200);
        assertThat(eventIds(defaults)).hasSize(SyncRoutes.DEFAULT_PULL_LIMIT);
    }

    @Test
    void aCursorPastTheEndStaysWhereItIs() {
        Api.Reply reply = a1.api().get("/api/v1/sync/pull?after=99");

        assertThat(eventIds(reply)).isEmpty();
        assertThat(reply.json().get("next").asLong()).isEqualTo(99);
        assertThat(reply.json().get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void badCursorsAndLimitsAre400() {
        for (String query : List.of("after=-1", "after=abc", "limit=0", "limit=-5", "limit=1e3", "after=99999999999999999999")) {
            Api.Reply reply = a1.api().get("/api/v1/sync/pull?" + query);
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.error()).as(query).isEqualTo("bad_request");
        }
    }

    @Test
    void pullIsForTills() {
        assertThat(server.anonymous().get("/api/v1/sync/pull").status()).isEqualTo(401);
        assertThat(server.headOffice().get("/api/v1/sync/pull").status()).isEqualTo(403);
    }
}
