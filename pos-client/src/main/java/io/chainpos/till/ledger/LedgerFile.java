package io.chainpos.till.ledger;

import io.chainpos.model.clock.HybridLogicalClock;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.json.EventCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.sqlite.SQLiteDataSource;

/**
 * The ledger's SQLite file as its parts share it: one writer connection taken in turns (this object is the
 * lock), one read connection that never waits for the writer, the hybrid clock every event is stamped with,
 * and the projections every event goes through. All SQL runs through Jdbi, with statements reused
 * ({@link ReusedStatements}).
 */
final class LedgerFile implements AutoCloseable {
    /** In {@code till_state}: the latest hybrid time of an absorbed pulled event (its envelope is not kept). */
    static final String ABSORBED_HLC = "hlc.absorbed";
    private final EventCodec codec;
    private final List<Projection> projections;
    private final HybridLogicalClock hlc;
    private final Handle writer;
    private final Handle reader;
    private final LedgerSession readSession;

    private LedgerFile(Clock clock, EventCodec codec, List<Projection> projections, Handle writer, Handle reader) {
        this.codec = codec;
        this.projections = List.copyOf(projections);
        this.writer = writer;
        this.reader = reader;
        this.readSession = () -> reader;
        // Read through indexes, not by scanning either log: this till's events are stamped in the order of their
        // (epoch, sequence), so its last one holds its highest time; the pulled ones have an index on it.
        long lastHlc = writer.createQuery("SELECT MAX(m) FROM (SELECT * FROM (SELECT hlc m FROM ledger_events "
                        + "ORDER BY till_epoch DESC, till_seq DESC LIMIT 1) "
                        + "UNION ALL SELECT MAX(hlc) FROM remote_events "
                        + "UNION ALL SELECT value FROM till_state WHERE name = '" + ABSORBED_HLC + "')")
                .mapTo(Long.class).findOne().orElse(0L);
        this.hlc = new HybridLogicalClock(clock, lastHlc, Duration.ofMinutes(10));
    }

    /** Opens (creating if needed) the ledger file and brings its schema up to date. */
    static LedgerFile open(Path file, Clock clock, EventCodec codec, List<Projection> projections) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            SQLiteDataSource writeSource = SqliteDatabase.dataSource(file, false);
            if (!SqliteDatabase.atNewest(file)) {
                SqliteDatabase.refuseNewer(file);
                SqliteDatabase.migrate(writeSource);
            }
            Handle writer = jdbi(writeSource).open();
            Handle reader = jdbi(SqliteDatabase.dataSource(file, true)).open();
            return new LedgerFile(clock, codec, projections, writer, reader);
        } catch (java.io.IOException | RuntimeException e) {
            throw new LedgerException("cannot open the till ledger at " + file + ": " + e.getMessage(), e);
        }
    }

    private static Jdbi jdbi(SQLiteDataSource source) {
        return Jdbi.create(source).setStatementBuilderFactory(connection -> new ReusedStatements());
    }

    EventCodec codec() {
        return codec;
    }

    HybridLogicalClock hlc() {
        return hlc;
    }

    /** Runs {@code work} in one write transaction on the till's one writer connection. */
    <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
        synchronized (this) {
            try {
                return writer.inTransaction(work);
            } catch (JdbiException e) {
                throw new LedgerException(describe(e), e);
            }
        }
    }

    /** Runs a query on the read connection; it sees only committed data and never waits for a writer. */
    <R> R read(Function<LedgerSession, R> query) {
        synchronized (reader) {
            try {
                return query.apply(readSession);
            } catch (JdbiException e) {
                throw new LedgerException(describe(e), e);
            }
        }
    }

    /**
     * Copies the write-ahead log into the file and truncates it; false when a reader kept it from being truncated.
     * Takes both connections so that neither holds the log open meanwhile.
     */
    boolean checkpoint() {
        synchronized (this) {
            synchronized (reader) {
                return writer.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").map((rs, ctx) -> rs.getInt(1)).one() == 0;
            }
        }
    }

    void project(Handle h, TillIdentity self, EventEnvelope event) {
        for (Projection projection : projections) {
            projection.apply(h, self, event);
        }
    }

    /** True when a projection absorbs this pulled event: its envelope is not kept (see {@link Projection#absorbs}). */
    boolean absorbed(EventEnvelope event) {
        for (Projection projection : projections) {
            if (projection.absorbs(event)) {
                return true;
            }
        }
        return false;
    }

    void projectUnkept(Handle h, TillIdentity self, EventEnvelope event) {
        for (Projection projection : projections) {
            projection.applyUnkept(h, self, event);
        }
    }

    /**
     * Recomputes every projection from the log: this till's and the kept pulled events, in hybrid-clock order, onto
     * what the projections keep of absorbed ones.
     */
    void replay(Handle h, TillIdentity self) {
        reset(h);
        fold(h, self);
    }

    void reset(Handle h) {
        projections.forEach(p -> p.reset(h));
    }

    /** Projects every event of the log again, without resetting first. */
    void fold(Handle h, TillIdentity self) {
        try (var events = h.createQuery("SELECT envelope, hlc, event_id FROM ledger_events UNION ALL "
                        + "SELECT envelope, hlc, event_id FROM remote_events ORDER BY 2, 3")
                .map((rs, ctx) -> codec.fromJson(rs.getString(1))).stream()) {
            events.forEach(event -> project(h, self, event));
        }
    }

    @Override
    public synchronized void close() {
        try {
            reader.close();
        } finally {
            writer.close();
        }
    }

    static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        if (message.contains("SQLITE_FULL")) {
            return "the till's disk is full: nothing of this transaction was recorded";
        }
        if (message.contains("SQLITE_IOERR") || message.contains("SQLITE_CANTOPEN") || message.contains("SQLITE_READONLY")) {
            return "the till's ledger file cannot be written: nothing of this transaction was recorded (" + message + ")";
        }
        return "the till's ledger failed: " + message;
    }
}
