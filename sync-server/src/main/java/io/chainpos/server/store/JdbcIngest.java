package io.chainpos.server.store;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.TillId;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.merge.ClockSkew;
import io.chainpos.server.merge.EventScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The push rules of {@link EventStore#ingest}, applied inside one write transaction with prepared
 * statements reused across events and batches. The caller commits; nothing here answers before that.
 */
final class JdbcIngest {

    private static final String MARK = "SELECT acked_through, last_hlc FROM till_marks WHERE till_id = ? AND till_epoch = ?";
    private static final String SAVE_MARK = """
            INSERT INTO till_marks (till_id, till_epoch, acked_through, last_hlc) VALUES (?, ?, ?, ?)
            ON CONFLICT (till_id, till_epoch) DO UPDATE
            SET acked_through = excluded.acked_through, last_hlc = excluded.last_hlc""";
    private static final String INSERT_EVENT = """
            INSERT INTO events (event_id, store_id, till_id, till_epoch, till_seq, type, schema_version, hlc,
                                occurred_at, scope, received_ms, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";
    private static final String BODY_BY_KEY = "SELECT body FROM events WHERE till_id = ? AND till_epoch = ? AND till_seq = ?";
    private static final String KEY_BY_EVENT_ID = "SELECT till_id, till_epoch, till_seq, body FROM events WHERE event_id = ?";
    private static final String QUARANTINED_BY_KEY =
            "SELECT incoming FROM quarantine WHERE till_id = ? AND till_epoch = ? AND till_seq = ? ORDER BY id";
    private static final String QUARANTINE = """
            INSERT INTO quarantine (till_id, till_epoch, till_seq, event_id, reason, incoming, stored, detected_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcProjector projector;
    private final JdbcExceptionLog exceptions;

    JdbcIngest(JdbcProjector projector, JdbcExceptionLog exceptions) {
        this.projector = projector;
        this.exceptions = exceptions;
    }

    static TillMark mark(SqlSession sql, TillId tillId, int tillEpoch) {
        return sql.first(MARK, rs -> new TillMark(rs.getLong(1), rs.getLong(2)), tillId.value(), tillEpoch)
                .orElse(TillMark.NONE);
    }

    IngestResult ingest(SqlSession sql, IngestBatch batch, Instant now) {
        TillMark mark = mark(sql, batch.tillId(), batch.tillEpoch());
        List<IncomingEvent> events = batch.events();
        if (!events.isEmpty() && events.getFirst().tillSeq() > mark.ackedThrough() + 1) {
            return new IngestResult.SequenceGap(mark.ackedThrough() + 1, mark.ackedThrough());
        }
        long ackedThrough = mark.ackedThrough();
        long lastHlc = mark.lastHlc();
        int accepted = 0;
        int duplicates = 0;
        List<IngestResult.Quarantined> quarantined = new ArrayList<>();
        List<EventEnvelope> stored = new ArrayList<>();
        for (IncomingEvent event : events) {
            if (event.tillSeq() <= ackedThrough) {
                if (isRepeat(sql, event)) {
                    duplicates++;
                } else {
                    quarantined.add(quarantineReusedKey(sql, event, now));
                }
                continue;
            }
            // The batch is contiguous and starts at or below mark+1, so this event is exactly mark+1.
            if (insert(sql, event, now)) {
                exceptions.record(sql, projector.apply(sql, event.envelope(), now));
                stored.add(event.envelope());
                accepted++;
            } else {
                quarantined.add(quarantineReusedId(sql, event, now));
            }
            ackedThrough = event.tillSeq();
            lastHlc = Math.max(lastHlc, event.envelope().hlc());
        }
        if (ackedThrough != mark.ackedThrough()) {
            sql.update(SAVE_MARK, batch.tillId().value(), batch.tillEpoch(), ackedThrough, lastHlc);
        }
        flagClockSkew(sql, stored, now);
        return new IngestResult.Stored(ackedThrough, accepted, duplicates, quarantined);
    }

    private boolean insert(SqlSession sql, IncomingEvent event, Instant now) {
        EventEnvelope e = event.envelope();
        return sql.update(INSERT_EVENT, e.eventId().toString(), e.storeId().value(), e.tillId().value(), e.tillEpoch(),
                e.tillSeq(), e.type(), e.schemaVersion(), e.hlc(), e.occurredAt().toString(), EventScope.of(e).name(),
                now.toEpochMilli(), event.body()) == 1;
    }

    /** The same content again under a consumed key: already stored, or already quarantined as it is now. */
    private boolean isRepeat(SqlSession sql, IncomingEvent event) {
        Object[] key = key(event.envelope());
        Optional<String> stored = sql.first(BODY_BY_KEY, rs -> rs.getString(1), key);
        if (stored.isPresent() && stored.get().equals(event.body())) {
            return true;
        }
        return sql.list(QUARANTINED_BY_KEY, rs -> rs.getString(1), key).contains(event.body());
    }

    private IngestResult.Quarantined quarantineReusedKey(SqlSession sql, IncomingEvent event, Instant now) {
        Object[] key = key(event.envelope());
        String earlier = sql.first(BODY_BY_KEY, rs -> rs.getString(1), key)
                .or(() -> sql.list(QUARANTINED_BY_KEY, rs -> rs.getString(1), key).stream().findFirst())
                .orElseThrow(() -> new IllegalStateException("seq " + event.tillSeq() + " is below the mark but unknown"));
        String detail = "%s epoch %d seq %d was stored before with different content".formatted(
                event.envelope().tillId(), event.envelope().tillEpoch(), event.tillSeq());
        return quarantine(sql, event, IngestResult.Reason.KEY_REUSED, earlier, detail, now);
    }

    private IngestResult.Quarantined quarantineReusedId(SqlSession sql, IncomingEvent event, Instant now) {
        EventEnvelope e = event.envelope();
        record Holder(String key, String body) {
        }
        Holder holder = sql.first(KEY_BY_EVENT_ID,
                        rs -> new Holder(rs.getString(1) + " epoch " + rs.getInt(2) + " seq " + rs.getLong(3), rs.getString(4)),
                        e.eventId().toString())
                .orElseThrow(() -> new IllegalStateException("event " + e.eventId() + " was refused but is not stored"));
        String detail = "event id already stored as %s; sent again as %s epoch %d seq %d".formatted(
                holder.key(), e.tillId(), e.tillEpoch(), e.tillSeq());
        return quarantine(sql, event, IngestResult.Reason.EVENT_ID_REUSED, holder.body(), detail, now);
    }

    private IngestResult.Quarantined quarantine(SqlSession sql, IncomingEvent event, IngestResult.Reason reason,
                                                String stored, String detail, Instant now) {
        EventEnvelope e = event.envelope();
        sql.update(QUARANTINE, e.tillId().value(), e.tillEpoch(), e.tillSeq(), e.eventId().toString(), reason.name(),
                event.body(), stored, now.toEpochMilli());
        exceptions.record(sql, List.of(JdbcProjector.exception(SyncException.Kind.QUARANTINED_EVENT, e, now, detail)));
        return new IngestResult.Quarantined(e.eventId(), e.tillSeq(), reason, detail);
    }

    /** One exception per batch, not per event: a till with a wrong clock sends thousands. */
    private void flagClockSkew(SqlSession sql, List<EventEnvelope> stored, Instant now) {
        List<EventEnvelope> skewed = stored.stream().filter(e -> ClockSkew.isSkewed(e, now)).toList();
        if (skewed.isEmpty()) {
            return;
        }
        long worst = skewed.stream().mapToLong(e -> ClockSkew.aheadMillis(e, now)).max().orElseThrow();
        String detail = "%d event(s) up to %d s ahead of the server clock".formatted(skewed.size(), worst / 1000);
        exceptions.record(sql, List.of(JdbcProjector.exception(SyncException.Kind.CLOCK_SKEW, skewed.getFirst(), now, detail)));
    }

    private static Object[] key(EventEnvelope e) {
        return new Object[] {e.tillId().value(), e.tillEpoch(), e.tillSeq()};
    }
}
