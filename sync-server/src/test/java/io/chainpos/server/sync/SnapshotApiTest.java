package io.chainpos.server.sync;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.points;
import static io.chainpos.server.testing.Facts.registered;
import static io.chainpos.server.testing.Facts.sale;
import static io.chainpos.server.testing.Facts.stock;
import static io.chainpos.server.testing.Facts.storedValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.StoredValueChanged;
import io.chainpos.server.demo.DemoData;
import io.chainpos.server.headoffice.HeadOffice;
import io.chainpos.server.merge.HeadOfficeTill;
import io.chainpos.server.testing.Api;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.TestServer.EnrolledTill;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention and snapshots: a cursor older than the retention period answers 410 {@code snapshot_needed};
 * {@code GET /api/v1/sync/snapshot} gives the chain's state with sums for what was summed, everything else as
 * stored, minus what the till holds itself.
 */
class SnapshotApiTest {
    static final Duration RETENTION = Duration.ofDays(30);

    @TempDir
    Path dir;
    TestServer server;
    EnrolledTill a1;
    EnrolledTill a2;
    EnrolledTill b1;

    TestServer startServer(Path folder) {
        return TestServer.start(folder, TestServer.settings(false).withPullRetention(RETENTION));
    }

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

    @Test
    void aCursorOlderThanTheRetentionIsToldToTakeASnapshot() {
        a1.push(a1.writer().next(List.of(points(member(1), 5))));
        server.clock.advance(RETENTION.plusDays(1));

        Api.Reply stale = b1.api().get("/api/v1/sync/pull?after=0");

        assertThat(stale.status()).isEqualTo(410);
        assertThat(stale.contentType()).startsWith("application/json");
        assertThat(stale.error()).isEqualTo("snapshot_needed");
        assertThat(stale.json().get("detail").asText()).contains("/api/v1/sync/snapshot");
        a1.push(a1.writer().next(List.of(points(member(1), 6))));
        Api.Reply recent = b1.api().get("/api/v1/sync/pull?after=1");
        assertThat(recent.status()).as("a cursor at the retained part still pulls").isEqualTo(200);
        assertThat(recent.json().get("events")).hasSize(1);
        assertThat(b1.api().get("/api/v1/sync/pull?after=2").status()).as("an up-to-date cursor pulls").isEqualTo(200);
    }

    @Test
    void aSnapshotCarriesBalancesAndStockAsSumsWithoutWhatTheTillHoldsItself() {
        new HeadOffice(server.ports.log(), Json.CODEC, server.clock).publish(DemoData.catalog(server.clock.instant()));
        List<EventEnvelope> own = a1.writer().next(List.of(registered(member(1), "13900000001", "A"), points(member(1), 100),
                storedValue(member(1), 5_000), stock("S001", "100001", 10_000, StockChanged.Reason.RECEIPT),
                sale("S001-T1-1", "100001", 300)));
        a1.push(own);
        List<EventEnvelope> neighbour = a2.writer().next(List.of(points(member(1), -30), stock("S001", "100001", -1_000,
                StockChanged.Reason.SALE), sale("S001-T2-1", "100001", 300)));
        a2.push(neighbour);
        List<EventEnvelope> otherStore = b1.writer().next(List.of(points(member(1), 7), registered(member(2), "13900000002", "B"),
                stock("S002", "100001", -4_000, StockChanged.Reason.SALE), sale("S002-T1-1", "100001", 300)));
        b1.push(otherStore);
        ObjectNode unknown = Json.CODEC.toTree(b1.writer().next(points(member(2), 1)));
        unknown.put("schemaVersion", 9);
        b1.api().post("/api/v1/sync/push", Json.push("S002-T1", 1, List.of(unknown)));

        Snapshot held = snapshot(a1, "1:" + own.size());

        long catalogEvents = DemoData.catalog(Instant.EPOCH).size();
        assertThat(held.next()).isEqualTo(catalogEvents + own.size() + neighbour.size() + otherStore.size() + 1);
        assertThat(held.verbatim()).as("catalog, the neighbour's points and sale, store B's member and the unreadable newer version")
                .hasSize((int) catalogEvents + 4);
        assertThat(held.verbatim()).as("points moved at this store travel with its sales, for refunds there")
                .extracting(EventEnvelope::eventId).contains(neighbour.get(0).eventId()).doesNotContain(otherStore.get(0).eventId());
        assertThat(held.verbatim()).extracting(EventEnvelope::eventId).contains(neighbour.get(2).eventId(),
                otherStore.get(1).eventId(), Json.CODEC.fromTree(unknown).eventId());
        assertThat(held.verbatim()).filteredOn(e -> e.payload() instanceof CatalogItemUpserted).hasSize((int) catalogEvents);
        assertThat(held.points(member(1))).as("-30 + 7: its own +100 it counts itself").isEqualTo(-23);
        assertThat(held.storedValue(member(1))).isZero();
        assertThat(held.stock("100001")).as("the neighbour's sale; store B's stock is not this store's").isEqualTo(-1_000);
        assertThat(held.carried()).allSatisfy(e -> assertThat(e.tillId()).isEqualTo(HeadOfficeTill.TILL));

        Snapshot reinstalled = snapshot(a1, "");
        assertThat(reinstalled.points(member(1))).as("a till that lost its ledger gets its own back").isEqualTo(77);
        assertThat(reinstalled.storedValue(member(1))).isEqualTo(5_000);
        assertThat(reinstalled.stock("100001")).isEqualTo(9_000);
        assertThat(reinstalled.verbatim()).extracting(EventEnvelope::eventId).contains(own.get(0).eventId(), own.get(4).eventId());
        assertThat(snapshot(a1, "1:" + own.size()).carried()).as("the same snapshot gives the same ids")
                .extracting(EventEnvelope::eventId).containsExactlyElementsOf(held.carried().stream().map(EventEnvelope::eventId).toList());
    }

    @Test
    void salesOlderThanTheRetentionAreLeftOutOfASnapshot() {
        EventEnvelope old = a2.writer().next(sale("S001-T2-1", "100001", 300));
        a2.push(List.of(old));
        server.clock.advance(RETENTION.plusDays(5));
        EventEnvelope recent = a2.writer().next(sale("S001-T2-2", "100001", 300));
        a2.push(List.of(recent));

        Snapshot snapshot = snapshot(a1, "");

        assertThat(snapshot.verbatim()).extracting(EventEnvelope::eventId).containsExactly(recent.eventId());
    }

    @Test
    void aBadHaveIs400AndATillIsNeeded() {
        for (String have : List.of("x", "1", "1:2:3", "0:5", "1:-1", "1:2,1:3", "a:b")) {
            Api.Reply reply = a1.api().get("/api/v1/sync/snapshot?have=" + have);
            assertThat(reply.status()).as(have).isEqualTo(400);
            assertThat(reply.error()).isEqualTo("bad_request");
        }
        assertThat(server.headOffice().get("/api/v1/sync/snapshot").status()).isEqualTo(403);
        assertThat(server.anonymous().get("/api/v1/sync/snapshot").status()).isEqualTo(401);
    }

    record Snapshot(long next, List<EventEnvelope> events) {
        List<EventEnvelope> carried() {
            return events.stream().filter(e -> e.tillId().equals(HeadOfficeTill.TILL) && isCarried(e)).toList();
        }

        List<EventEnvelope> verbatim() {
            return events.stream().filter(e -> !(e.tillId().equals(HeadOfficeTill.TILL) && isCarried(e))).toList();
        }

        private static boolean isCarried(EventEnvelope e) {
            return switch (e.payload()) {
                case PointsChanged p -> p.rulesApplied().contains(io.chainpos.server.log.SnapshotSink.CARRIED);
                case StoredValueChanged s -> s.reason() == StoredValueChanged.Reason.ADJUST;
                case StockChanged s -> s.reference() != null && s.reference().startsWith(io.chainpos.server.log.SnapshotSink.CARRIED);
                default -> false;
            };
        }

        /** What the till counts: the carried sums and the deltas sent one by one. */
        long points(io.chainpos.model.id.MemberId member) {
            return events.stream().map(EventEnvelope::payload).filter(p -> p instanceof PointsChanged)
                    .map(PointsChanged.class::cast).filter(p -> p.memberId().equals(member)).mapToLong(PointsChanged::delta).sum();
        }

        long storedValue(io.chainpos.model.id.MemberId member) {
            return events.stream().map(EventEnvelope::payload).filter(p -> p instanceof StoredValueChanged)
                    .map(StoredValueChanged.class::cast).filter(p -> p.memberId().equals(member))
                    .mapToLong(StoredValueChanged::delta).sum();
        }

        long stock(String sku) {
            return carried().stream().map(EventEnvelope::payload).filter(p -> p instanceof StockChanged)
                    .map(StockChanged.class::cast).filter(s -> s.sku().value().equals(sku)).mapToLong(StockChanged::deltaMilli).sum();
        }
    }

    static Snapshot snapshot(EnrolledTill till, String have) {
        Api.Reply reply = till.api().get("/api/v1/sync/snapshot" + (have.isEmpty() ? "" : "?have=" + have));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode json = reply.json();
        List<EventEnvelope> events = new ArrayList<>();
        json.get("events").forEach(node -> events.add(Json.CODEC.fromTree(node)));
        return new Snapshot(json.get("next").asLong(), events);
    }
}
