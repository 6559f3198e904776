package io.chainpos.server.log;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.UnknownEvent;
import io.chainpos.model.id.TillId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.Dialect;
import io.chainpos.server.db.SqlSession;
import io.chainpos.server.merge.ClockSkew;
import io.chainpos.server.merge.EventScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The push rules of {@link EventLog#ingest}, applied inside one write transaction, a batch at a time:
 * one statement per table per batch, not per event. The caller commits; nothing here answers before that.
 *
 * <p>Server sequences are handed out from the one-row {@code log_head} table as the last step before the
 * events are written. Its row lock is held until commit, so transactions take server sequences in the
 * order they commit: once a pull has seen sequence n, nothing at or below n can commit later. (PostgreSQL
 * sequences would not do: their values are taken at insert and commit in any order, and a till that had
 * read past a late committer would never see it.) Everything slow (parsing, merging) happens before the
 * lock, so the serialized part is one counter update, one multi-row insert and the commit. The projections are not
 * merged here: the {@link Projector} follows the log.
 */
final class JdbcIngest {

    private static final String MARK = "SELECT acked_through, last_hlc FROM till_marks WHERE till_id = ? AND till_epoch = ?";
    private static final String NEW_MARK = """
            INSERT INTO till_marks (till_id, till_epoch, acked_through, last_hlc) VALUES (?, ?, 0, 0)
            ON CONFLICT (till_id, till_epoch) DO NOTHING""";
    private static final String SAVE_MARK = "UPDATE till_marks SET acked_through = ?, last_hlc = ? WHERE till_id = ? AND till_epoch = ?";
    private static final String TAKE_SEQS = "UPDATE log_head SET last_seq = last_seq + ? WHERE id = 1 RETURNING last_seq";
    // No ON CONFLICT: a taken event id fails the batch, and the transaction runs again looking first.
    private static final String INSERT_EVENT = """
            INSERT INTO events (server_seq, event_id, store_id, till_id, till_epoch, till_seq, type, schema_version, hlc,
                                occurred_at, scope, received_ms, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    // PostgreSQL (V250): the events table is partitioned by kind and month, so the chain-wide unique keys are held by
    // event_keys, written first in the same transaction; a taken id or till key fails here as it failed events before.
    private static final String INSERT_KEYS = "INSERT INTO event_keys (event_id, till_id, till_epoch, till_seq) VALUES (?, ?, ?, ?)";
    private static final String INSERT_PARTITIONED_EVENT = """
            INSERT INTO events (server_seq, event_id, store_id, till_id, till_epoch, till_seq, type, schema_version, hlc,
                                occurred_at, scope, received_ms, body, kind)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    // After its month was detached (PostgreSQL), a stored event is known by its keys only.
    private static final String KEY_HOLDER = "SELECT event_id FROM event_keys WHERE till_id = ? AND till_epoch = ? AND till_seq = ?";
    private static final String BODIES_BY_KEY = """
            SELECT till_seq, body FROM events WHERE till_id = ? AND till_epoch = ? AND till_seq BETWEEN ? AND ?""";
    private static final String QUARANTINED_BY_KEY =
            "SELECT incoming_sha256, incoming FROM quarantine WHERE till_id = ? AND till_epoch = ? AND till_seq = ? ORDER BY id";
    // What is kept is a QuarantineCopy: the envelope, no person; the digest recognises the same event sent again.
    private static final String QUARANTINE = """
            INSERT INTO quarantine (till_id, till_epoch, till_seq, event_id, reason, detail, incoming, incoming_sha256, stored,
                                    detected_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final Findings findings;
    private final Dialect dialect;
    private final EventCodec codec;
    private final JdbcChain chain = new JdbcChain();

    JdbcIngest(Findings findings, Dialect dialect, EventCodec codec) {
        this.findings = findings;
        this.dialect = dialect;
        this.codec = codec;
    }

    /** How one attempt at a batch runs; a later attempt knows more after an earlier one failed. */
    record Attempt(boolean lookForTakenIds) {
        static Attempt first() {
            return new Attempt(false);
        }
    }

    /** Locks the till epoch's mark for this transaction, creating it at 0 the first time. */
    TillMark lockMark(SqlSession sql, TillId tillId, int tillEpoch) {
        String select = MARK + dialect.forUpdate();
        Optional<TillMark> mark = sql.first(select, rs -> new TillMark(rs.getLong(1), rs.getLong(2)), tillId.value(), tillEpoch);
        if (mark.isPresent()) {
            return mark.get();
        }
        sql.update(NEW_MARK, tillId.value(), tillEpoch);
        return sql.first(select, rs -> new TillMark(rs.getLong(1), rs.getLong(2)), tillId.value(), tillEpoch).orElseThrow();
    }

    /** Applies the push rules to {@code batch} against its mark, which this transaction has locked. */
    IngestResult ingest(SqlSession sql, IngestBatch batch, TillMark mark, Instant now, Attempt attempt,
                        RecentEvents.Pending appended) {
        List<IncomingEvent> events = batch.events();
        if (events.isEmpty()) {
            return new IngestResult.Stored(mark.ackedThrough(), 0, 0, List.of());
        }
        long first = events.getFirst().tillSeq();
        if (first > mark.ackedThrough() + 1 && !batch.jumpsDeclaredFrom(mark)) {
            return new IngestResult.SequenceGap(mark.ackedThrough() + 1, mark.ackedThrough());
        }
        // The batch is contiguous and starts at or below mark+1 (or beyond, over events the till lost): a head
        // already consumed, then a fresh tail.
        int consumed = (int) Math.max(0, Math.min(events.size(), mark.ackedThrough() - first + 1));
        List<IngestResult.Quarantined> quarantined = new ArrayList<>();
        int duplicates = repeats(sql, batch, events.subList(0, consumed), quarantined, now);

        long ackedThrough = mark.ackedThrough();
        long lastHlc = mark.lastHlc();
        List<IncomingEvent> fresh = events.subList(consumed, events.size());
        List<SyncException> breaks = chain.take(sql, batch, mark, fresh, now);
        Map<String, JdbcEventIds.Holder> taken = attempt.lookForTakenIds() ? JdbcEventIds.stored(sql, fresh, dialect == Dialect.POSTGRESQL) : Map.of();
        Map<String, IncomingEvent> inBatch = new HashMap<>();
        List<IncomingEvent> toStore = new ArrayList<>(fresh.size());
        for (IncomingEvent event : fresh) {
            String id = event.envelope().eventId().toString();
            if (event.refusal() != null) {
                quarantined.add(quarantine(sql, event, IngestResult.Reason.REFUSED, null, event.refusal(), now));
            } else if (taken.containsKey(id) || (attempt.lookForTakenIds() && inBatch.containsKey(id))) {
                String holder = taken.containsKey(id) ? taken.get(id).key() : describe(inBatch.get(id).envelope());
                String body = taken.containsKey(id) ? taken.get(id).body() : inBatch.get(id).body();
                quarantined.add(quarantine(sql, event, IngestResult.Reason.EVENT_ID_REUSED, body,
                        "event id already stored as %s; sent again as %s".formatted(holder, describe(event.envelope())), now));
            } else {
                inBatch.put(id, event);
                toStore.add(event);
            }
            ackedThrough = event.tillSeq();
            lastHlc = Math.max(lastHlc, event.envelope().hlc());
        }
        List<EventEnvelope> stored = toStore.stream().map(IncomingEvent::envelope).toList();
        List<SyncException> found = new ArrayList<>(breaks);
        found.addAll(unknown(stored, now));
        clockSkew(stored, now).ifPresent(found::add);
        findings.record(sql, found);
        if (ackedThrough != mark.ackedThrough()) {
            sql.update(SAVE_MARK, ackedThrough, lastHlc, batch.tillId().value(), batch.tillEpoch());
        }
        // Last, so the log head is held only for the insert and the commit (see the class comment).
        append(sql, toStore, now, appended);
        return new IngestResult.Stored(ackedThrough, toStore.size(), duplicates, quarantined);
    }

    /** Writes the events under consecutive server sequences taken last, in commit order (see the class comment). */
    private void append(SqlSession sql, List<IncomingEvent> toStore, Instant now, RecentEvents.Pending appended) {
        if (toStore.isEmpty()) {
            return;
        }
        boolean partitioned = dialect == Dialect.POSTGRESQL;
        if (partitioned) {
            List<Object[]> keys = new ArrayList<>(toStore.size());
            for (IncomingEvent event : toStore) {
                EventEnvelope e = event.envelope();
                keys.add(new Object[] {e.eventId().toString(), e.tillId().value(), e.tillEpoch(), e.tillSeq()});
            }
            sql.batch(INSERT_KEYS, keys);
        }
        long last = sql.first(TAKE_SEQS, rs -> rs.getLong(1), (long) toStore.size()).orElseThrow();
        long seq = last - toStore.size();
        List<Object[]> rows = new ArrayList<>(toStore.size());
        for (IncomingEvent event : toStore) {
            EventEnvelope e = event.envelope();
            appended.add(seq + 1, e);
            Object[] row = {++seq, e.eventId().toString(), e.storeId().value(), e.tillId().value(), e.tillEpoch(),
                    e.tillSeq(), e.type(), e.schemaVersion(), e.hlc(), e.occurredAt().toString(),
                    EventScope.of(e).name(), now.toEpochMilli(), event.body(), EventKind.of(e.type()).code()};
            rows.add(partitioned ? row : java.util.Arrays.copyOf(row, row.length - 1));
        }
        sql.batch(partitioned ? INSERT_PARTITIONED_EVENT : INSERT_EVENT, rows);
    }

    /** Events at or below the mark: the same content again is a duplicate; other content is quarantined. */
    private int repeats(SqlSession sql, IngestBatch batch, List<IncomingEvent> consumed,
                        List<IngestResult.Quarantined> quarantined, Instant now) {
        if (consumed.isEmpty()) {
            return 0;
        }
        Map<Long, String> stored = new HashMap<>();
        sql.forEach(BODIES_BY_KEY, rs -> {
            stored.put(rs.getLong(1), rs.getString(2));
            return null;
        }, batch.tillId().value(), batch.tillEpoch(), consumed.getFirst().tillSeq(), consumed.getLast().tillSeq());
        int duplicates = 0;
        for (IncomingEvent event : consumed) {
            String earlier = stored.get(event.tillSeq());
            if (event.body().equals(earlier)) {
                duplicates++;
                continue;
            }
            // Not stored as sent: it may have been quarantined as sent, which makes this a repeat too.
            List<String[]> setApart = sql.list(QUARANTINED_BY_KEY, rs -> new String[] {rs.getString(1), rs.getString(2)},
                    key(event.envelope()));
            String digest = QuarantineCopy.digest(event.body());
            if (setApart.stream().anyMatch(row -> digest.equals(row[0]))) {
                duplicates++;
                continue;
            }
            if (earlier == null && setApart.isEmpty() && dialect == Dialect.POSTGRESQL) {
                // Stored in a month since detached (V250): its keys are all that is left to compare. The same event id
                // at the same key is the same event sent again; another id there reuses the key.
                Optional<String> holder = sql.first(KEY_HOLDER, rs -> rs.getString(1), key(event.envelope()));
                if (holder.isPresent()) {
                    if (holder.get().equals(event.envelope().eventId().toString())) {
                        duplicates++;
                    } else {
                        quarantined.add(quarantine(sql, event, IngestResult.Reason.KEY_REUSED, null,
                                "%s was stored before as event %s (its month is archived)".formatted(describe(event.envelope()),
                                        holder.get()), now));
                    }
                    continue;
                }
            }
            String before = earlier != null ? earlier : setApart.stream().map(row -> row[1]).findFirst()
                    .orElseThrow(() -> new IllegalStateException("seq " + event.tillSeq() + " is below the mark but unknown"));
            String detail = "%s was stored before with different content".formatted(describe(event.envelope()));
            quarantined.add(quarantine(sql, event, IngestResult.Reason.KEY_REUSED, before, detail, now));
        }
        return duplicates;
    }

    private IngestResult.Quarantined quarantine(SqlSession sql, IncomingEvent event, IngestResult.Reason reason,
                                                String stored, String detail, Instant now) {
        EventEnvelope e = event.envelope();
        String told = QuarantineCopy.reason(detail);
        sql.update(QUARANTINE, e.tillId().value(), e.tillEpoch(), e.tillSeq(), e.eventId().toString(), reason.name(), told,
                QuarantineCopy.of(codec, event.body()), QuarantineCopy.digest(event.body()),
                stored == null ? null : QuarantineCopy.of(codec, stored), now.toEpochMilli());
        findings.record(sql, List.of(Findings.about(SyncException.Kind.QUARANTINED_EVENT, e, now,
                reason.name() + ": " + told)));
        return new IngestResult.Quarantined(e.eventId(), e.tillSeq(), reason, told);
    }

    /** Events of a type this server does not know: stored and passed on as they are, and shown to head office. */
    private static List<SyncException> unknown(List<EventEnvelope> stored, Instant now) {
        List<SyncException> found = new ArrayList<>();
        for (EventEnvelope event : stored) {
            if (event.payload() instanceof UnknownEvent unknown) {
                found.add(Findings.about(SyncException.Kind.UNKNOWN_EVENT, event, now, unknown.why()));
            }
        }
        return found;
    }

    /** One exception per batch, not per event: a till with a wrong clock sends thousands. */
    private static Optional<SyncException> clockSkew(List<EventEnvelope> stored, Instant now) {
        List<EventEnvelope> skewed = stored.stream().filter(e -> ClockSkew.isSkewed(e, now)).toList();
        if (skewed.isEmpty()) {
            return Optional.empty();
        }
        long worst = skewed.stream().mapToLong(e -> ClockSkew.aheadMillis(e, now)).max().orElseThrow();
        String detail = "%d event(s) up to %d s ahead of the server clock".formatted(skewed.size(), worst / 1000);
        return Optional.of(Findings.about(SyncException.Kind.CLOCK_SKEW, skewed.getFirst(), now, detail));
    }

    static String describe(EventEnvelope e) {
        return "%s epoch %d seq %d".formatted(e.tillId(), e.tillEpoch(), e.tillSeq());
    }

    private static Object[] key(EventEnvelope e) {
        return new Object[] {e.tillId().value(), e.tillEpoch(), e.tillSeq()};
    }
}
