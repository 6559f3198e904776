package io.chainpos.server.log;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.points;
import static io.chainpos.server.testing.Facts.registered;
import static io.chainpos.server.testing.Facts.sale;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.Ports;
import io.chainpos.server.db.DatabaseSettings;
import io.chainpos.server.db.Storage;
import io.chainpos.server.merge.EventScope;
import io.chainpos.server.testing.EmbeddedDatabase;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TillWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL database of the release before V250, with events stored in several months, opened by this server: the
 * log becomes partitioned with every event, key and index kept and log_head untouched, and goes on as before.
 */
class PostgresEventLogUpgradeTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T03:00:00Z"));

    @Test
    void eventsStoredBeforeThePartitionsAreAllThereAndStillUnique() throws SQLException {
        String url = EmbeddedDatabase.newDatabase();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/postgresql").target("240").load().migrate();
        TillWriter a1 = new TillWriter("S001", "S001-T1", 1, clock);
        TillWriter b1 = new TillWriter("S002", "S002-T1", 1, clock);
        List<EventEnvelope> stored = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url)) {
            // As the released ingest wrote them: three months, state and records, two tills.
            long seq = 0;
            for (String at : List.of("2026-08-20T10:00:00Z", "2026-09-30T23:59:59.999Z", "2026-10-01T00:00:00Z")) {
                clock.set(Instant.parse(at));
                List<EventEnvelope> batch = List.of(a1.next(registered(member(stored.size()), "1390000000" + stored.size(), "A")),
                        a1.next(sale("R" + stored.size(), "100001", 100)), b1.next(points(member(0), 5)));
                for (EventEnvelope e : batch) {
                    insert(c, ++seq, e, clock.instant());
                    stored.add(e);
                }
            }
            try (PreparedStatement marks = c.prepareStatement(
                    "INSERT INTO till_marks (till_id, till_epoch, acked_through, last_hlc) VALUES (?, 1, ?, ?)")) {
                for (TillWriter till : List.of(a1, b1)) {
                    marks.setString(1, till.till.value());
                    marks.setLong(2, till.seq());
                    marks.setLong(3, stored.stream().filter(e -> e.tillId().equals(till.till)).mapToLong(EventEnvelope::hlc).max().orElseThrow());
                    marks.executeUpdate();
                }
            }
            c.createStatement().executeUpdate("UPDATE log_head SET last_seq = " + seq);
        }

        try (Storage storage = Storage.open(DatabaseSettings.of(url).withPoolSize(2))) {
            Map<String, String> where = storage.database().read(h -> h.createQuery("SELECT event_id, tableoid::regclass::text FROM events")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).list())
                    .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(where).hasSize(9)
                    .containsEntry(stored.get(1).eventId().toString(), "events_records_y2026m08")
                    .containsEntry(stored.get(4).eventId().toString(), "events_records_y2026m09")
                    .containsEntry(stored.get(7).eventId().toString(), "events_records_y2026m10")
                    .containsEntry(stored.get(0).eventId().toString(), "events_state")
                    .containsEntry(stored.get(2).eventId().toString(), "events_state");
            long head = storage.database().read(h -> h.createQuery("SELECT last_seq FROM log_head").mapTo(Long.class).one());
            assertThat(head).isEqualTo(9);
            long keys = storage.database().read(h -> h.createQuery("SELECT count(*) FROM event_keys").mapTo(Long.class).one());
            assertThat(keys).isEqualTo(9);
            List<String> indexes = storage.database().read(h -> h.createQuery(
                    "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'events' ORDER BY indexname")
                    .mapTo(String.class).list());
            assertThat(indexes).containsExactly("events_event_id", "events_head_office", "events_pkey", "events_till_key");

            Ports ports = Ports.on(storage, Json.CODEC, clock);
            EventLog log = ports.log();
            TillWriter c1 = new TillWriter("S003", "S003-T1", 1, clock);
            assertThat(log.pull(new PullQuery(0, 100, c1.till, c1.epoch, c1.store)).events())
                    .extracting(e -> Json.CODEC.fromJson(e.body()).eventId())
                    .containsExactlyElementsOf(stored.stream().filter(e -> !e.type().equals("SaleCompleted")).map(EventEnvelope::eventId).toList());

            // a1 sending its old events again: duplicates. b1 reusing one of a1's old ids: quarantined, chain-wide unique.
            clock.set(Instant.parse("2026-11-23T03:00:00Z"));
            List<EventEnvelope> a1s = stored.stream().filter(e -> e.tillId().equals(a1.till)).toList();
            assertThat(log.ingest(new IngestBatch(a1.till, 1, Json.incoming(a1s)))).isEqualTo(new IngestResult.Stored(6, 0, 6, List.of()));
            EventEnvelope reused = new EventEnvelope(stored.get(1).eventId(), b1.store, b1.till, 1, b1.seq() + 1, b1.next(points(member(0), 0)).hlc(),
                    stored.get(1).occurredAt(), points(member(0), 1));
            EventEnvelope fresh = b1.next(sale("R-new", "100001", 100));
            IngestResult result = log.ingest(new IngestBatch(b1.till, 1, Json.incoming(List.of(reused, fresh))));
            assertThat(result).isInstanceOfSatisfying(IngestResult.Stored.class, s -> {
                assertThat(s.accepted()).isEqualTo(1);
                assertThat(s.quarantined()).singleElement().satisfies(q -> assertThat(q.reason()).isEqualTo(IngestResult.Reason.EVENT_ID_REUSED));
            });
            long newSeq = storage.database().read(h -> h.createQuery("SELECT server_seq FROM events WHERE event_id = :id")
                    .bind("id", fresh.eventId().toString()).mapTo(Long.class).one());
            assertThat(newSeq).isEqualTo(10);
        }
    }

    private static void insert(Connection c, long seq, EventEnvelope e, Instant received) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO events (server_seq, event_id, store_id, till_id, till_epoch, till_seq, type, schema_version, hlc,
                                    occurred_at, scope, received_ms, body)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            Object[] row = {seq, e.eventId().toString(), e.storeId().value(), e.tillId().value(), e.tillEpoch(), e.tillSeq(), e.type(),
                    e.schemaVersion(), e.hlc(), e.occurredAt().toString(), EventScope.of(e).name(), received.toEpochMilli(),
                    Json.incoming(e).body()};
            for (int i = 0; i < row.length; i++) {
                s.setObject(i + 1, row[i]);
            }
            s.executeUpdate();
        }
    }
}
