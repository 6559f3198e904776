package io.chainpos.server.log;

import io.chainpos.server.db.DatabaseSettings;
import io.chainpos.server.db.Storage;
import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.points;
import static io.chainpos.server.testing.Facts.stock;
import static io.chainpos.server.testing.Json.incoming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.id.EventId;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.Ports;
import io.chainpos.server.headoffice.HeadOffice;
import io.chainpos.server.merge.HeadOfficeTill;
import io.chainpos.server.testing.EmbeddedDatabase;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TillWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What only PostgreSQL can show: many writers at once. The pull cursor stays safe when transactions would
 * commit out of order, two server nodes given the same batch at once store it once, head office publishing
 * from two nodes never reuses a number, and writers touching the same rows in different orders never fail.
 */
class PostgresConcurrencyTest {
    static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");
    final ManualClock clock = new ManualClock(NOW);
    final ExecutorService threads = Executors.newCachedThreadPool();
    String url;
    Storage storage1;
    Storage storage2;
    Ports node1;
    Ports node2;

    @BeforeEach
    void open() {
        url = EmbeddedDatabase.newDatabase();
        storage1 = Storage.open(DatabaseSettings.of(url).withPoolSize(8));
        storage2 = Storage.open(DatabaseSettings.of(url).withPoolSize(8));
        node1 = Ports.on(storage1, EventCodec.standard(), clock);
        node2 = Ports.on(storage2, EventCodec.standard(), clock);
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        storage1.close();
        storage2.close();
    }

    static IngestBatch batch(TillWriter till, List<EventEnvelope> events) {
        return new IngestBatch(till.till, till.epoch, incoming(events));
    }

    /** How many sessions wait for a lock while running a statement that starts with {@code sql}. */
    int waitingOnLock(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                     + "AND query LIKE '" + sql + "%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * The interleaving a sequence-numbered log gets wrong: transaction A takes its server sequences and is
     * held up before committing; B, started later, would commit first with higher numbers; a reader that saw
     * B's would move its cursor past A's, which commit a moment later and are never pulled. Here B cannot
     * take numbers while A holds the log head, so the reader's cursor cannot pass A's events.
     */
    @Test
    void aTransactionHeldUpAfterTakingItsSequencesIsNeverSkippedByAPull() throws Exception {
        TillWriter a = new TillWriter("S001", "S001-T1", 1, clock);
        TillWriter b = new TillWriter("S002", "S002-T1", 1, clock);
        List<EventEnvelope> first = a.next(List.of(points(member(1), 1), stock("S001", "SKU", -1_000, StockChanged.Reason.SALE)));
        List<EventEnvelope> second = b.next(List.of(points(member(2), 2), points(member(2), 3)));
        Future<IngestResult> ingestA;
        Future<IngestResult> ingestB;
        PullPage whileHeld;
        try (Connection blocker = DriverManager.getConnection(url)) {
            blocker.setAutoCommit(false);
            // A inserts its events right after taking its sequences: hold it there (EXCLUSIVE still lets pulls read).
            blocker.createStatement().execute("LOCK TABLE events IN EXCLUSIVE MODE");
            ingestA = threads.submit(() -> node1.log().ingest(batch(a, first)));
            await().atMost(Duration.ofSeconds(20)).until(() -> waitingOnLock("INSERT INTO events") == 1);
            ingestB = threads.submit(() -> node2.log().ingest(batch(b, second)));
            await().atMost(Duration.ofSeconds(20)).until(() -> ingestB.isDone() || waitingOnLock("UPDATE log_head") == 1);

            whileHeld = node2.log().pull(new PullQuery(0, 100, TillId.of("S003-T1"), 1, StoreId.of("S003")));

            assertThat(ingestB.isDone()).as("B commits only after A, whose sequences come first").isFalse();
            blocker.rollback();
        }
        assertThat(ingestA.get(20, TimeUnit.SECONDS)).isInstanceOf(IngestResult.Stored.class);
        assertThat(ingestB.get(20, TimeUnit.SECONDS)).isInstanceOf(IngestResult.Stored.class);
        assertThat(whileHeld.events()).isEmpty();
        assertThat(whileHeld.next()).as("the cursor did not move past A's sequences").isZero();
        PullPage after = node1.log().pull(new PullQuery(whileHeld.next(), 100, TillId.of("S003-T1"), 1, StoreId.of("S003")));
        assertThat(after.events()).extracting(e -> Json.CODEC.fromJson(e.body()).eventId())
                .containsExactly(first.get(0).eventId(), second.get(0).eventId(), second.get(1).eventId());
        assertThat(after.events()).extracting(PullPage.PulledEvent::serverSeq).containsExactly(1L, 3L, 4L);
    }

    /** Ten tills on two nodes write at once while a reader pulls all along: it sees every event once, in order. */
    @Test
    void aReaderPullingWhileManyNodesWriteSeesEveryEventExactlyOnceInOrder() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        Set<EventId> written = ConcurrentHashMap.newKeySet();
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            TillWriter till = new TillWriter("S" + t, "S" + t + "-T1", 1, clock);
            EventLog node = (t % 2 == 0 ? node1 : node2).log();
            Random random = new Random(t);
            writers.add(threads.submit(() -> {
                for (int n = 0; n < 30; n++) {
                    List<EventEnvelope> events = new ArrayList<>();
                    for (int i = 0, size = 1 + random.nextInt(20); i < size; i++) {
                        events.add(till.next(points(member(random.nextInt(5)), 1)));
                    }
                    assertThat(node.ingest(batch(till, events))).isInstanceOf(IngestResult.Stored.class);
                    events.forEach(e -> written.add(e.eventId()));
                }
                return null;
            }));
        }
        CompletableFuture.runAsync(() -> {
            for (Future<?> w : writers) {
                try {
                    w.get(120, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }, threads).whenComplete((ok, failed) -> writing.set(false));

        List<EventId> seen = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        long cursor = 0;
        boolean lastRound;
        do {
            lastRound = !writing.get();
            PullPage page;
            do {
                page = node1.log().pull(new PullQuery(cursor, 37, TillId.of("READER-1"), 1, StoreId.of("READER")));
                page.events().forEach(e -> {
                    seen.add(Json.CODEC.fromJson(e.body()).eventId());
                    seqs.add(e.serverSeq());
                });
                cursor = page.next();
            } while (page.hasMore());
        } while (!lastRound);
        for (Future<?> w : writers) {
            w.get();
        }

        assertThat(seen).doesNotHaveDuplicates().hasSize(written.size()).containsExactlyInAnyOrderElementsOf(written);
        assertThat(seqs).isSorted();
        assertThat(written).hasSize((int) node2.log().pull(new PullQuery(0, 1, TillId.of("X-1"), 1, StoreId.of("X"))).newest());
    }

    /** A till's retry reaching a second node while the first still works on the same batch: stored once. */
    @Test
    void twoNodesGivenTheSameBatchAtOnceStoreItOnce() throws Exception {
        TillWriter till = new TillWriter("S001", "S001-T1", 1, clock);
        long total = 0;
        for (int round = 0; round < 15; round++) {
            List<EventEnvelope> events = till.next(List.of(points(member(1), round + 1), points(member(1), 100)));
            total += round + 101;
            CyclicBarrier together = new CyclicBarrier(2);
            Future<IngestResult> one = threads.submit(() -> {
                together.await();
                return node1.log().ingest(batch(till, events));
            });
            Future<IngestResult> other = threads.submit(() -> {
                together.await();
                return node2.log().ingest(batch(till, events));
            });
            IngestResult.Stored r1 = (IngestResult.Stored) one.get(20, TimeUnit.SECONDS);
            IngestResult.Stored r2 = (IngestResult.Stored) other.get(20, TimeUnit.SECONDS);

            assertThat(r1.accepted() + r2.accepted()).isEqualTo(2);
            assertThat(r1.duplicates() + r2.duplicates()).isEqualTo(2);
            assertThat(r1.ackedThrough()).isEqualTo(r2.ackedThrough()).isEqualTo(till.seq());
            assertThat(r1.quarantined()).isEmpty();
            assertThat(r2.quarantined()).isEmpty();
        }
        assertThat(node1.members().member(member(1)).orElseThrow().pointsBalance()).isEqualTo(total);
        assertThat(node1.log().pull(new PullQuery(0, 1000, TillId.of("S002-T1"), 1, StoreId.of("S002"))).events()).hasSize(30);
    }

    /** Head office publishing from two nodes at once: every batch lands whole, numbered after the other. */
    @Test
    void headOfficeOnTwoNodesNeverReusesASequenceNumber() throws Exception {
        HeadOffice hq1 = new HeadOffice(node1.log(), Json.CODEC, clock);
        HeadOffice hq2 = new HeadOffice(node2.log(), Json.CODEC, clock);
        List<Future<?>> publishing = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            HeadOffice hq = i % 2 == 0 ? hq1 : hq2;
            int n = i;
            publishing.add(threads.submit(() -> hq.publish(List.of(points(member(7), n), points(member(8), 1)))));
        }
        for (Future<?> f : publishing) {
            f.get(30, TimeUnit.SECONDS);
        }

        assertThat(node2.log().mark(HeadOfficeTill.TILL, HeadOfficeTill.EPOCH).ackedThrough()).isEqualTo(40);
        assertThat(node1.members().member(member(7)).orElseThrow().pointsBalance()).isEqualTo(190);
        assertThat(node1.members().member(member(8)).orElseThrow().pointsBalance()).isEqualTo(20);
        assertThat(node1.exceptions().exceptions(10)).isEmpty();
    }

    /** Batches crossing the same members and SKUs in opposite orders, on two nodes: all stored, sums right. */
    @Test
    void writersCrossingTheSameRowsNeverDeadlockIntoAFailure() throws Exception {
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            TillWriter till = new TillWriter("S001", "S001-T" + t, 1, clock);
            EventLog node = (t % 2 == 0 ? node1 : node2).log();
            boolean reversed = t % 2 == 1;
            writers.add(threads.submit(() -> {
                for (int n = 0; n < 20; n++) {
                    List<EventEnvelope> events = new ArrayList<>();
                    for (int m = 0; m < 8; m++) {
                        int who = reversed ? 7 - m : m;
                        events.add(till.next(points(member(who), 1)));
                        events.add(till.next(stock("S001", "SKU" + who, 1, StockChanged.Reason.RECEIPT)));
                    }
                    assertThat(node.ingest(batch(till, events))).isInstanceOf(IngestResult.Stored.class);
                }
                return null;
            }));
        }
        for (Future<?> w : writers) {
            w.get(120, TimeUnit.SECONDS);
        }

        for (int m = 0; m < 8; m++) {
            assertThat(node1.members().member(member(m)).orElseThrow().pointsBalance()).isEqualTo(120);
            assertThat(node2.stock().stock(StoreId.of("S001"), io.chainpos.model.id.Sku.of("SKU" + m)).qtyMilli()).isEqualTo(120);
        }
    }

    /** One event id sent under two tills' keys at once, through two nodes: one stored, one quarantined. */
    @Test
    void oneEventIdRacingUnderTwoKeysIsStoredOnceAndQuarantinedOnce() throws Exception {
        for (int round = 0; round < 10; round++) {
            TillWriter a = new TillWriter("S001", "S001-A" + round, 1, clock);
            TillWriter b = new TillWriter("S002", "S002-B" + round, 1, clock);
            EventEnvelope original = a.next(points(member(20 + round), 10));
            EventEnvelope copy = new EventEnvelope(original.eventId(), b.store, b.till, 1, 1, original.hlc(),
                    original.occurredAt(), points(member(20 + round), 10));
            b.next(points(member(0), 0));
            CyclicBarrier together = new CyclicBarrier(2);
            Future<IngestResult> one = threads.submit(() -> {
                together.await();
                return node1.log().ingest(batch(a, List.of(original)));
            });
            Future<IngestResult> other = threads.submit(() -> {
                together.await();
                return node2.log().ingest(new IngestBatch(b.till, 1, incoming(List.of(copy))));
            });
            IngestResult.Stored r1 = (IngestResult.Stored) one.get(20, TimeUnit.SECONDS);
            IngestResult.Stored r2 = (IngestResult.Stored) other.get(20, TimeUnit.SECONDS);

            assertThat(r1.accepted() + r2.accepted()).isEqualTo(1);
            assertThat(r1.quarantined().size() + r2.quarantined().size()).isEqualTo(1);
            assertThat(node1.members().member(member(20 + round)).orElseThrow().pointsBalance()).isEqualTo(10);
        }
        Set<String> kinds = new HashSet<>();
        node1.exceptions().exceptions(100).forEach(e -> kinds.add(e.kind().name()));
        assertThat(kinds).containsExactly("QUARANTINED_EVENT");
    }
}
