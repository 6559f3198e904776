package io.chainpos.server.log;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.Database;
import io.chainpos.server.db.SqlSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link Projector} over the log's database; see there. */
final class JdbcProjector implements Projector {
    /** Events merged in one transaction at most: long enough to share statements, short enough not to hold a push. */
    static final int CHUNK = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(JdbcProjector.class);
    private static final String HEADS = """
            SELECT (SELECT last_seq FROM log_head WHERE id = 1), (SELECT projected_seq FROM projector_head WHERE id = 1)""";

    private final Database db;
    private final EventCodec codec;
    private final Clock clock;
    private final JdbcProjections projections;
    private final Findings findings;
    /** One catcher-up at a time in this process; the others wait and then find the work done. */
    private final ReentrantLock running = new ReentrantLock();

    private final RecentEvents recent;

    JdbcProjector(Database db, EventCodec codec, Clock clock, JdbcProjections projections, Findings findings, RecentEvents recent) {
        this.recent = recent;
        this.db = db;
        this.codec = codec;
        this.clock = clock;
        this.projections = projections;
        this.findings = findings;
    }

    @Override
    public void catchUp() {
        long[] heads = heads();
        long target = heads[0];
        if (heads[1] >= target) {
            return;
        }
        running.lock();
        try {
            long projected = heads()[1];
            while (projected < target) {
                projected = step(target);
            }
        } finally {
            running.unlock();
        }
    }

    @Override
    public void catchUpWithin(long events) {
        long[] heads = heads();
        if (heads[1] < heads[0] && heads[0] - heads[1] <= events) {
            catchUp();
        }
    }

    @Override
    public Lag lag() {
        long[] heads = heads();
        if (heads[1] >= heads[0]) {
            return Lag.NONE;
        }
        Optional<Long> oldest = db.read(h -> h.createQuery("SELECT received_ms FROM events WHERE server_seq = :seq")
                .bind("seq", heads[1] + 1).mapTo(Long.class).findOne());
        Duration behind = oldest.map(ms -> Duration.between(Instant.ofEpochMilli(ms), clock.instant()))
                .filter(d -> !d.isNegative()).orElse(Duration.ZERO);
        return new Lag(heads[0] - heads[1], behind);
    }

    @Override
    public Map<String, Duration> timeSpent() {
        return projections.timeSpent();
    }

    /** The log head and the projected head, in one read. */
    private long[] heads() {
        return db.read(h -> h.createQuery(HEADS).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one());
    }

    /**
     * Empties every projection and merges the whole log into them again; the result equals what was merged as the log
     * grew. Findings are not recorded again, and the events skipped before are skipped again.
     */
    void rebuild() {
        running.lock();
        try {
            db.write(tx -> {
                tx.sql().first("SELECT projected_seq FROM projector_head WHERE id = 1" + db.dialect().forUpdate(), rs -> rs.getLong(1));
                for (Projection projection : projections.all()) {
                    for (String table : projection.tables()) {
                        tx.handle().execute("DELETE FROM " + table);
                    }
                }
                tx.sql().update("UPDATE projector_head SET projected_seq = 0 WHERE id = 1");
                return null;
            });
            long target = heads()[0];
            long projected = 0;
            while (projected < target) {
                projected = step(target);
            }
        } finally {
            running.unlock();
        }
    }

    /** Merges the next chunk up to {@code target}; returns the projected head after it. */
    private long step(long target) {
        boolean oneByOne = false;
        while (true) {
            boolean eachAlone = oneByOne;
            try {
                // Not forced to disk: what a power cut undoes (rows and cursor together) is merged again from the log.
                return db.writeUnforced(tx -> merge(tx.sql(), target, eachAlone));
            } catch (JdbcProjections.ProjectionFailure failure) {
                if (failure.event() == null) {
                    if (eachAlone) {
                        throw failure;
                    }
                    oneByOne = true; // find the event
                } else {
                    skip(failure.event(), failure.getCause());
                    oneByOne = false;
                }
            }
        }
    }

    private long merge(SqlSession sql, long target, boolean oneByOne) {
        long[] head = sql.first("SELECT projected_seq, found_through FROM projector_head WHERE id = 1" + db.dialect().forUpdate(),
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}).orElseThrow();
        long from = head[0];
        if (from >= target) {
            return from;
        }
        List<Long> seqs = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        long upTo = Math.min(target, from + CHUNK);
        // This node's own pushes are in memory as they were parsed: the log is read only for what is not (on SQLite the
        // read would hold the one writer the pushes wait for).
        List<EventEnvelope> held = recent.range(from + 1, upTo);
        if (held != null) {
            for (long seq = from + 1; seq <= upTo; seq++) {
                seqs.add(seq);
                bodies.add(null);
            }
        } else {
            sql.forEach("SELECT server_seq, body FROM events WHERE server_seq > ? AND server_seq <= ? ORDER BY server_seq LIMIT ?", rs -> {
                seqs.add(rs.getLong(1));
                bodies.add(rs.getString(2));
                return null;
            }, from, target, CHUNK);
        }
        long through = seqs.isEmpty() ? target : seqs.getLast();
        Set<Long> skipped = new HashSet<>(sql.list("SELECT server_seq FROM projection_skips WHERE server_seq > ? AND server_seq <= ?",
                rs -> rs.getLong(1), from, through));
        List<EventEnvelope> events = new ArrayList<>(bodies.size());
        Map<String, Long> seqOf = new HashMap<>();
        for (int i = 0; i < bodies.size(); i++) {
            long seq = seqs.get(i);
            if (!skipped.contains(seq)) {
                EventEnvelope stored = held != null ? held.get(i) : recent.at(seq);
                EventEnvelope event = stored != null ? stored : codec.fromJson(bodies.get(i));
                events.add(event);
                seqOf.put(event.eventId().toString(), seq);
            }
        }
        List<SyncException> found = projections.apply(sql, events, clock.instant(), oneByOne);
        long foundThrough = head[1];
        findings.record(sql, found.stream().filter(f -> isNew(f, seqOf, foundThrough, through)).toList());
        sql.update("UPDATE projector_head SET projected_seq = ?, found_through = ? WHERE id = 1", through, Math.max(foundThrough, through));
        recent.mergedThrough(through); // before the commit: what a rollback leaves unmerged is read from the log again
        return through;
    }

    /** A finding about an event merged for the first time; a rebuild merges again without finding again. */
    private static boolean isNew(SyncException finding, Map<String, Long> seqOf, long foundThrough, long through) {
        Long seq = finding.eventId() == null ? null : seqOf.get(finding.eventId());
        return seq != null ? seq > foundThrough : through > foundThrough;
    }

    /** Sets aside an event no projection can merge, and tells head office the first time. */
    private void skip(EventEnvelope event, Throwable cause) {
        LOG.atError().setMessage("event_unprocessable").addKeyValue("till", event.tillId()).addKeyValue("epoch", event.tillEpoch())
                .addKeyValue("seq", event.tillSeq()).addKeyValue("type", event.type()).setCause(cause).log();
        db.write(tx -> {
            long[] head = tx.sql().first("SELECT projected_seq, found_through FROM projector_head WHERE id = 1" + db.dialect().forUpdate(),
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)}).orElseThrow();
            long seq = tx.sql().first("SELECT server_seq FROM events WHERE event_id = ?", rs -> rs.getLong(1),
                    event.eventId().toString()).orElseThrow();
            String reason = cause == null ? "merging it failed" : String.valueOf(cause.getMessage());
            reason = reason.length() > 500 ? reason.substring(0, 500) : reason;
            int added = tx.sql().update("""
                    INSERT INTO projection_skips (server_seq, event_id, reason) VALUES (?, ?, ?)
                    ON CONFLICT (server_seq) DO NOTHING""", seq, event.eventId().toString(), reason);
            if (added == 1 && seq > head[1]) {
                findings.record(tx.sql(), List.of(Findings.about(SyncException.Kind.UNPROCESSABLE_EVENT, event, clock.instant(),
                        "merging it into head office's figures failed; the event is kept in the log and reached the tills; "
                                + "the error is in the server log")));
            }
            return null;
        });
    }
}
