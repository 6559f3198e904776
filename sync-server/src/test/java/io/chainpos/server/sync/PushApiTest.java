package io.chainpos.server.sync;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.points;
import static io.chainpos.server.testing.Facts.stock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.sync.PushResponse;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.testing.Api;
import io.chainpos.server.testing.Facts;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.TestServer.EnrolledTill;
import io.chainpos.server.testing.TillWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/v1/sync/push} over loopback against the real server on a SQLite file. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushApiTest {
    /** The server under test: on a SQLite file here; {@code PushApiOnPostgresTest} runs the same tests on PostgreSQL. */
    TestServer startServer(Path folder) {
        return TestServer.start(folder);
    }

    Path dir;
    TestServer server;
    Api headOffice;
    int tills;

    @BeforeAll
    void start(@TempDir Path folder) {
        dir = folder;
        server = startServer(dir);
        headOffice = server.headOffice();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    EnrolledTill newTill() {
        tills++;
        return server.enroll("S001", "S001-P" + tills);
    }

    static PushResponse ack(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return Json.CODEC.read(reply.body(), PushResponse.class);
    }

    @Test
    void aPushIsAckedWithWhatWasStored() {
        EnrolledTill till = newTill();

        Api.Reply reply = till.push(till.writer().next(List.of(points(member(1), 5), points(member(1), 6))));

        assertThat(ack(reply)).isEqualTo(new PushResponse(2, 2, 0));
        assertThat(reply.contentType()).startsWith("application/json");
    }

    @Test
    void aDuplicatePushIsANoOp() {
        EnrolledTill till = newTill();
        List<EventEnvelope> batch = till.writer().next(List.of(points(member(2), 5), points(member(2), 6)));
        till.push(batch);

        assertThat(ack(till.push(batch))).isEqualTo(new PushResponse(2, 0, 2));
        assertThat(server.ports.members().member(member(2)).orElseThrow().pointsBalance()).isEqualTo(11);
    }

    @Test
    void aGapAnswers409WithTheExpectedSeq() {
        EnrolledTill till = newTill();
        List<EventEnvelope> events = till.writer().next(List.of(points(member(3), 1), points(member(3), 1), points(member(3), 1)));
        till.push(events.subList(0, 1));

        Api.Reply reply = till.push(events.subList(2, 3));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.error()).isEqualTo("sequence_gap");
        assertThat(reply.json().get("expectedSeq").asLong()).isEqualTo(2);
        assertThat(reply.json().get("ackedThrough").asLong()).isEqualTo(1);
        assertThat(reply.json().get("detail").asText()).contains("2").contains("3");
    }

    @Test
    void aPushThatSaysTheTillLostTheEventsFromTheMarkIsTakenAndTheBreakListed() {
        EnrolledTill till = newTill();
        List<EventEnvelope> events = till.writer().next(List.of(points(member(3), 1), points(member(3), 2), points(member(3), 4)));
        till.push(events.subList(0, 1));
        com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode)
                Json.parse(Json.push(till.writer(), events.subList(2, 3)));

        Api.Reply elsewhere = till.api().post("/api/v1/sync/push", body.put("missingFrom", 1).toString());
        Api.Reply atTheMark = till.api().post("/api/v1/sync/push", body.put("missingFrom", 2).toString());

        assertThat(elsewhere.status()).as("not what the server lacks: the till must send what it holds").isEqualTo(409);
        assertThat(elsewhere.json().get("expectedSeq").asLong()).isEqualTo(2);
        assertThat(ack(atTheMark)).isEqualTo(new PushResponse(3, 1, 0));
        assertThat(server.ports.exceptions().exceptions(100)).filteredOn(e -> e.kind() == SyncException.Kind.CHAIN_BROKEN)
                .singleElement().satisfies(e -> assertThat(e.detail()).startsWith("epoch 1 seq 3: events 2 to 2 are missing"));
    }

    @Test
    void aMissingFromThatIsNotBeforeTheEventsSentIsA400() {
        EnrolledTill till = newTill();
        com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode)
                Json.parse(Json.push(till.writer(), till.writer().next(List.of(points(member(3), 1)))));

        assertThat(till.api().post("/api/v1/sync/push", body.put("missingFrom", 1).toString()).status()).isEqualTo(400);
        assertThat(till.api().post("/api/v1/sync/push", body.put("missingFrom", "one").toString()).status()).isEqualTo(400);
    }

    @Test
    void aConflictingEventIs409ListsTheIdsStoresTheRestAndReachesHeadOffice() {
        EnrolledTill till = newTill();
        EventEnvelope first = till.writer().next(points(member(4), 10));
        till.push(List.of(first));
        EventEnvelope impostor = new EventEnvelope(first.eventId(), first.storeId(), first.tillId(), first.tillEpoch(),
                first.tillSeq(), first.hlc(), first.occurredAt(), points(member(4), 999));
        EventEnvelope next = till.writer().next(points(member(4), 1));

        Api.Reply reply = till.push(List.of(impostor, next));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.error()).isEqualTo("conflicting_event");
        assertThat(reply.json().get("detail").asText()).contains(first.eventId().toString());
        assertThat(reply.json().get("ackedThrough").asLong()).isEqualTo(2);
        assertThat(reply.json().has("expectedSeq")).isFalse();
        assertThat(server.ports.members().member(member(4)).orElseThrow().pointsBalance()).isEqualTo(11);
        JsonNode exceptions = headOffice.get("/api/v1/exceptions").json().get("exceptions");
        assertThat(exceptions.findValuesAsText("eventId")).contains(first.eventId().toString());
        assertThat(exceptions.findValuesAsText("kind")).contains("QUARANTINED_EVENT");
    }

    @Test
    void anOverdraftIsAcceptedAndListedForHeadOffice() {
        EnrolledTill till = newTill();

        Api.Reply reply = till.push(till.writer().next(List.of(points(member(5), 10), points(member(5), -40))));

        assertThat(ack(reply).accepted()).isEqualTo(2);
        JsonNode exceptions = headOffice.get("/api/v1/exceptions").json().get("exceptions");
        assertThat(exceptions).anySatisfy(e -> {
            assertThat(e.get("kind").asText()).isEqualTo("POINTS_OVERDRAFT");
            assertThat(e.get("memberId").asText()).isEqualTo(member(5).toString());
            assertThat(e.get("balance").asLong()).isEqualTo(-30);
        });
    }

    @Test
    void negativeStockIsAcceptedAndListed() {
        EnrolledTill till = newTill();

        ack(till.push(till.writer().next(List.of(stock("S001", "PUSH-1", -1_000, StockChanged.Reason.SALE)))));

        assertThat(headOffice.get("/api/v1/exceptions").json().get("exceptions").findValuesAsText("sku")).contains("PUSH-1");
    }

    @Test
    void anEventOfAnUnknownTypeIsAccepted() {
        EnrolledTill till = newTill();
        ObjectNode node = Json.CODEC.toTree(till.writer().next(points(member(6), 1)));
        node.put("type", "GiftCardSold");
        node.putObject("payload").put("cardNo", "GC0001");

        Api.Reply reply = till.api().post("/api/v1/sync/push", Json.push(till.writer().till.value(), 1, List.of(node)));

        assertThat(ack(reply)).isEqualTo(new PushResponse(1, 1, 0));
    }

    @Test
    void aTokenWritesOnlyItsOwnTill() {
        EnrolledTill mine = newTill();
        EnrolledTill other = newTill();

        Api.Reply reply = mine.api().post("/api/v1/sync/push",
                Json.push(other.writer(), other.writer().next(List.of(points(member(7), 1)))));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.error()).isEqualTo("forbidden");
    }

    @Test
    void eventsMustBelongToTheTillAndEpochOfThePush() {
        EnrolledTill till = newTill();
        TillWriter stranger = new TillWriter("S001", "S001-X9", 1, server.clock);
        List<JsonNode> events = List.of(Json.CODEC.toTree(stranger.next(points(member(8), 1))));

        Api.Reply reply = till.api().post("/api/v1/sync/push", Json.push(till.writer().till.value(), 1, events));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText()).contains("events[0]");
    }

    @Test
    void eventsMustNameTheTillsOwnStore() {
        EnrolledTill till = newTill();
        TillWriter wrongStore = new TillWriter("S002", till.writer().till.value(), 1, server.clock);

        Api.Reply reply = till.push(wrongStore.next(List.of(points(member(8), 1))));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText()).contains("store");
    }

    @Test
    void eventsMustComeInAscendingContiguousOrder() {
        EnrolledTill till = newTill();
        List<EventEnvelope> events = new ArrayList<>(till.writer().next(List.of(points(member(9), 1), points(member(9), 2))));
        Collections.reverse(events);

        Api.Reply reply = till.push(events);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText()).contains("ascending");
        assertThat(server.ports.log().mark(till.writer().till, 1).ackedThrough()).isZero();
    }

    @Test
    void aPoisonEventWhosePayloadCannotBeReadIsQuarantinedAndTheEventsBehindItFlow() {
        EnrolledTill till = newTill();
        List<EventEnvelope> events = till.writer().next(List.of(points(member(11), 5), points(member(11), 6), points(member(11), 7)));
        List<JsonNode> nodes = events.stream().map(e -> (JsonNode) Json.CODEC.toTree(e)).toList();
        ((com.fasterxml.jackson.databind.node.ObjectNode) nodes.get(1).get("payload")).remove("memberId");
        ((com.fasterxml.jackson.databind.node.ObjectNode) nodes.get(1)).put("type", "PointsChanged");

        Api.Reply reply = till.api().post("/api/v1/sync/push", Json.push(till.writer().till.value(), 1, nodes));

        assertThat(reply.status()).as(reply.body()).isEqualTo(409);
        assertThat(reply.json().get("ackedThrough").asLong()).isEqualTo(3);
        assertThat(reply.json().get("detail").asText()).contains(events.get(1).eventId().toString(), "REFUSED", "memberId");
        assertThat(server.ports.members().member(member(11)).orElseThrow().pointsBalance()).isEqualTo(12);
        Api.Reply again = till.api().post("/api/v1/sync/push", Json.push(till.writer().till.value(), 1, nodes));
        assertThat(ack(again).duplicates()).as("the same poison sent again is a repeat").isEqualTo(3);
    }

    @Test
    void anEventWhoseEnvelopeCannotBeReadRefusesThePush() {
        EnrolledTill till = newTill();
        List<JsonNode> nodes = till.writer().next(List.of(points(member(12), 5))).stream()
                .map(e -> (JsonNode) Json.CODEC.toTree(e)).toList();
        ((com.fasterxml.jackson.databind.node.ObjectNode) nodes.getFirst()).put("tillSeq", "one");

        Api.Reply reply = till.api().post("/api/v1/sync/push", Json.push(till.writer().till.value(), 1, nodes));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText()).contains("events[0]");
        assertThat(server.ports.log().mark(till.writer().till, 1).ackedThrough()).isZero();
    }

    @Test
    void anAmountBeyondAnyRealOneIsQuarantinedAndTheEventsBehindItFlow() {
        EnrolledTill till = newTill();
        List<EventEnvelope> events = till.writer().next(List.of(points(member(9), 5), points(member(9), Long.MAX_VALUE),
                points(member(9), 7)));

        Api.Reply reply = till.push(events);

        assertThat(reply.status()).as(reply.body()).isEqualTo(409);
        assertThat(reply.error()).isEqualTo("conflicting_event");
        assertThat(reply.json().get("ackedThrough").asLong()).isEqualTo(3);
        assertThat(reply.json().get("detail").asText()).contains("REFUSED", "beyond any real amount");
        assertThat(server.ports.members().member(member(9)).orElseThrow().pointsBalance()).isEqualTo(12);
        assertThat(server.ports.exceptions().exceptions(50)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(io.chainpos.model.sync.SyncException.Kind.QUARANTINED_EVENT);
            assertThat(e.eventId()).isEqualTo(events.get(1).eventId().toString());
        });
        assertThat(ack(till.push(events)).duplicates()).as("sent again, all three are repeats").isEqualTo(3);
    }

    @Test
    void aReenrolledTillMayFinishItsOldEpochButNotWriteALaterOne() {
        EnrolledTill first = server.enroll("S001", "S001-R1");
        List<EventEnvelope> owed = first.writer().next(List.of(points(member(10), 1), points(member(10), 2)));
        ack(first.push(owed.subList(0, 1)));
        EnrolledTill second = server.enroll("S001", "S001-R1");
        assertThat(second.writer().epoch).isEqualTo(2);

        assertThat(ack(second.api().post("/api/v1/sync/push", Json.push(first.writer(), owed))).ackedThrough()).isEqualTo(2);
        TillWriter future = new TillWriter("S001", "S001-R1", 3, server.clock);
        assertThat(second.api().post("/api/v1/sync/push", Json.push(future, future.next(List.of(points(member(10), 1))))).status())
                .isEqualTo(403);
        assertThat(first.push(first.writer().next(List.of(points(member(10), 1)))).status()).isEqualTo(401);
    }

    @Test
    void tooManyEventsInOnePushIs413() {
        EnrolledTill till = newTill();
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i <= PushEvents.MAX_EVENTS_PER_PUSH; i++) {
            events.add(till.writer().next(points(member(11), 1)));
        }

        Api.Reply reply = till.push(events);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.error()).isEqualTo("too_large");
    }

    @Test
    void aFullBatchOfTheMaximumSizeIsStoredInOneGo() {
        EnrolledTill till = newTill();
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < PushEvents.MAX_EVENTS_PER_PUSH; i++) {
            events.add(till.writer().next(points(member(12), 1)));
        }

        assertThat(ack(till.push(events))).isEqualTo(new PushResponse(5_000, 5_000, 0));
    }

    @Test
    void theBodyIsReadAsUtf8ChineseArrivesIntactAndBytesThatAreNotUtf8AreA400() {
        EnrolledTill till = newTill();
        // Members' names travel sealed, so the Chinese text here is a stocktake's note, which travels as written.
        String note = "盘点差异：张伟复核";
        List<EventEnvelope> events = till.writer().next(List.of(
                new StockChanged(io.chainpos.model.id.StoreId.of("S001"), io.chainpos.model.id.Sku.of("100001"), -1000,
                        StockChanged.Reason.STOCKTAKE, note)));
        byte[] body = Json.push(till.writer(), events).getBytes(StandardCharsets.UTF_8);
        byte[] broken = body.clone();
        broken[indexOf(broken, "张".getBytes(StandardCharsets.UTF_8))] = (byte) 0xFF;

        Api.Reply refused = till.api().post("/api/v1/sync/push", broken);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).contains("UTF-8");
        assertThat(server.ports.log().mark(till.writer().till, 1).ackedThrough()).isZero();
        assertThat(ack(till.api().post("/api/v1/sync/push", body)).accepted()).isEqualTo(1);
        var page = server.ports.log().pull(new io.chainpos.server.log.PullQuery(0, 10_000,
                io.chainpos.model.id.TillId.of("S001-READER"), 1, io.chainpos.model.id.StoreId.of("S001")));
        assertThat(page.events()).extracting(io.chainpos.server.log.PullPage.PulledEvent::body)
                .filteredOn(stored -> stored.contains(events.getFirst().eventId().toString()))
                .singleElement().asString().contains(note);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    @Test
    void aBodyOverTheSizeLimitIs413() {
        EnrolledTill till = newTill();
        byte[] body = new byte[(int) io.chainpos.server.http.HttpApi.MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(body, (byte) ' ');

        Api.Reply reply = till.api().post("/api/v1/sync/push", body);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.error()).isEqualTo("too_large");
        assertThat(server.anonymous().get("/health").status()).isEqualTo(200);
    }

    @Test
    void pushNeedsATillToken() {
        EnrolledTill till = newTill();
        String body = Json.push(till.writer(), till.writer().next(List.of(points(member(13), 1))));

        assertThat(server.anonymous().post("/api/v1/sync/push", body).status()).isEqualTo(401);
        assertThat(server.anonymous().as("not-a-token").post("/api/v1/sync/push", body).status()).isEqualTo(401);
        assertThat(headOffice.post("/api/v1/sync/push", body).status()).isEqualTo(403);
    }
}
