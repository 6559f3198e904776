package io.chainpos.till.ledger;

import io.chainpos.model.clock.HybridLogicalClock;
import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.EventId;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.json.EventCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.sqlite.SQLiteDataSource;

/**
 * The till's ledger: an append-only log of facts in a SQLite file, with the tables derived from it
 * (projections) updated in the same transaction. A fact is durable once {@link #write} returns; the
 * receipt prints only after that.
 */
public final class Ledger implements AutoCloseable {
    private static final String INSERT_EVENT = "INSERT INTO ledger_events "
            + "(till_epoch, till_seq, event_id, type, hlc, occurred_at, envelope) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final Path file;
    private final Clock clock;
    private final EventCodec codec;
    private final List<Projection> projections;
    private final HybridLogicalClock hlc;
    private final Handle writer;
    private final Handle reader;
    private final LedgerSession readSession;
    private final PreparedStatement insertEvent;
    private final List<Consumer<List<EventEnvelope>>> commitListeners = new CopyOnWriteArrayList<>();
    private volatile TillIdentity identity;

    private Ledger(Path file, Clock clock, EventCodec codec, List<Projection> projections, Handle writer, Handle reader)
            throws SQLException {
        this.file = file;
        this.clock = clock;
        this.codec = codec;
        this.projections = List.copyOf(projections);
        this.writer = writer;
        this.reader = reader;
        this.readSession = () -> reader;
        this.insertEvent = writer.getConnection().prepareStatement(INSERT_EVENT);
        this.identity = loadIdentity(writer).orElse(null);
        long lastHlc = writer.createQuery("SELECT MAX(m) FROM (SELECT MAX(hlc) m FROM ledger_events "
                        + "UNION ALL SELECT MAX(hlc) FROM remote_events)")
                .mapTo(Long.class).findOne().orElse(0L);
        this.hlc = new HybridLogicalClock(clock, lastHlc, Duration.ofMinutes(10));
    }

    /** Opens (creating if needed) the ledger file and brings its schema up to date. */
    public static Ledger open(Path file, Clock clock, EventCodec codec, List<Projection> projections) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            SqliteDatabase.refuseNewer(file);
            SQLiteDataSource writeSource = SqliteDatabase.dataSource(file, false);
            SqliteDatabase.migrate(writeSource);
            Handle writer = Jdbi.create(writeSource).open();
            Handle reader = Jdbi.create(SqliteDatabase.dataSource(file, true)).open();
            return new Ledger(file, clock, codec, projections, writer, reader);
        } catch (java.io.IOException | SQLException | RuntimeException e) {
            throw new LedgerException("cannot open the till ledger at " + file + ": " + e.getMessage(), e);
        }
    }

    /** The ledger's SQLite file (its backups copy it with {@link LedgerCopies}). */
    public Path file() {
        return file;
    }

    public Optional<TillIdentity> identity() {
        return Optional.ofNullable(identity);
    }

    /**
     * Makes this ledger the till {@code identity}. A till may come back under a new epoch (re-enrolled after
     * a reinstall or restore); it may not become another till while it still owes the server events.
     */
    public synchronized void enroll(TillIdentity newIdentity) {
        TillIdentity current = identity;
        if (current != null && !current.tillId().equals(newIdentity.tillId()) && pendingCount() > 0) {
            throw new IllegalStateException("till " + current.tillId() + " still has events to send; it cannot become "
                    + newIdentity.tillId() + " before they are acknowledged");
        }
        if (current != null && current.tillId().equals(newIdentity.tillId()) && newIdentity.epoch() < current.epoch()) {
            throw new IllegalStateException("epoch " + newIdentity.epoch() + " is older than this till's epoch "
                    + current.epoch());
        }
        writer.useTransaction(h -> h.createUpdate("INSERT INTO till_identity (id, store_id, till_id, till_epoch) "
                        + "VALUES (1, :store, :till, :epoch) ON CONFLICT (id) DO UPDATE SET store_id = :store, "
                        + "till_id = :till, till_epoch = :epoch")
                .bind("store", newIdentity.storeId().value())
                .bind("till", newIdentity.tillId().value())
                .bind("epoch", newIdentity.epoch())
                .execute());
        identity = newIdentity;
    }

    /**
     * Runs {@code work} as one transaction: all it appends, and every projection change, commit together or
     * not at all. Listeners hear of the appended events after the commit.
     */
    public <R> R write(Function<LedgerTransaction, R> work) {
        List<EventEnvelope> appended = new ArrayList<>();
        R result;
        synchronized (this) {
            TillIdentity self = identity;
            if (self == null) {
                throw new IllegalStateException("this till is not enrolled yet: it has no store and till id to record under");
            }
            try {
                result = writer.inTransaction(h -> work.apply(new Transaction(h, self, appended)));
            } catch (JdbiException e) {
                throw new LedgerException(describe(e), e);
            }
        }
        if (!appended.isEmpty()) {
            List<EventEnvelope> committed = List.copyOf(appended);
            commitListeners.forEach(listener -> listener.accept(committed));
        }
        return result;
    }

    /**
     * Writes the till's device state (the print queue) in one transaction on the ledger file. It appends no
     * event, tells no listener and is not replayed by {@link #rebuildProjections}: a receipt waiting for paper
     * is not a business fact.
     */
    public <R> R writeState(Function<LedgerSession, R> work) {
        synchronized (this) {
            try {
                return writer.inTransaction(h -> work.apply(() -> h));
            } catch (JdbiException e) {
                throw new LedgerException(describe(e), e);
            }
        }
    }

    /** Runs a query on the read connection; it sees only committed data and never waits for a writer. */
    public <R> R read(Function<LedgerSession, R> query) {
        synchronized (reader) {
            try {
                return query.apply(readSession);
            } catch (JdbiException e) {
                throw new LedgerException(describe(e), e);
            }
        }
    }

    /**
     * Copies the write-ahead log into the ledger file and truncates it, so rows a deletion overwrote (an erased
     * member's key) leave no older copy in the WAL. Returns false when a reader kept the log from being truncated.
     */
    public boolean scrub() {
        synchronized (this) {
            synchronized (reader) {
                return writer.createQuery("PRAGMA wal_checkpoint(TRUNCATE)")
                        .map((rs, ctx) -> rs.getInt(1)).one() == 0;
            }
        }
    }

    /** Called with the events of each committed transaction, on the committing thread; keep it short. */
    public void onCommit(Consumer<List<EventEnvelope>> listener) {
        commitListeners.add(listener);
    }

    /** Events of the oldest epoch still owed to the server, up to {@code limit}, in sequence order. */
    public PendingEvents pending(int limit) {
        return read(session -> {
            Handle h = session.handle();
            Optional<Integer> epoch = h.createQuery("SELECT MIN(e.till_epoch) FROM ledger_events e "
                            + "LEFT JOIN sync_acks a ON a.till_epoch = e.till_epoch "
                            + "WHERE e.till_seq > COALESCE(a.acked_through, 0)")
                    .mapTo(Integer.class).findOne();
            if (epoch.isEmpty()) {
                return new PendingEvents(identity == null ? 1 : identity.epoch(), List.of());
            }
            List<EventEnvelope> events = h.createQuery("SELECT envelope FROM ledger_events WHERE till_epoch = :epoch "
                            + "AND till_seq > COALESCE((SELECT acked_through FROM sync_acks WHERE till_epoch = :epoch), 0) "
                            + "ORDER BY till_seq LIMIT :limit")
                    .bind("epoch", epoch.get())
                    .bind("limit", limit)
                    .map((rs, ctx) -> codec.fromJson(rs.getString(1)))
                    .list();
            return new PendingEvents(epoch.get(), events);
        });
    }

    /** How many events the server has not acknowledged yet, across epochs. */
    public long pendingCount() {
        return read(s -> s.handle().createQuery("SELECT COUNT(*) FROM ledger_events e LEFT JOIN sync_acks a "
                        + "ON a.till_epoch = e.till_epoch WHERE e.till_seq > COALESCE(a.acked_through, 0)")
                .mapTo(Long.class).one());
    }

    /** The sync server this till is enrolled with and its device token, once enrolled. */
    public Optional<ServerLink> serverLink() {
        return read(s -> s.handle().createQuery("SELECT server_url, token FROM till_identity WHERE id = 1 AND token IS NOT NULL")
                .map((rs, ctx) -> new ServerLink(rs.getString(1), rs.getString(2)))
                .findOne());
    }

    /** Keeps the server address and device token an enrollment gave; {@link #enroll} must have run first. */
    public synchronized void link(ServerLink link) {
        int updated = writer.createUpdate("UPDATE till_identity SET server_url = :url, token = :token WHERE id = 1")
                .bind("url", link.serverUrl()).bind("token", link.token()).execute();
        if (updated != 1) {
            throw new IllegalStateException("enroll the till before linking it to a server");
        }
    }

    /**
     * Takes the server's word for what it holds of {@code epoch}: through {@code through}, no more, no less.
     * Forward when an acknowledgement was lost; backward when the server was restored from a backup and
     * needs events again (they are still here: the ledger never deletes).
     */
    public synchronized void serverHolds(int epoch, long through) {
        long highest = writer.createQuery("SELECT COALESCE(MAX(till_seq), 0) FROM ledger_events WHERE till_epoch = :epoch")
                .bind("epoch", epoch).mapTo(Long.class).one();
        long clamped = Math.max(0, Math.min(through, highest));
        writer.useTransaction(h -> h.createUpdate("INSERT INTO sync_acks (till_epoch, acked_through) VALUES (:epoch, :through) "
                        + "ON CONFLICT (till_epoch) DO UPDATE SET acked_through = :through")
                .bind("epoch", epoch).bind("through", clamped).execute());
    }

    /** Records that the server holds everything of {@code epoch} through {@code ackedThrough}. Never moves back. */
    public synchronized void acknowledge(int epoch, long ackedThrough) {
        long highest = writer.createQuery("SELECT COALESCE(MAX(till_seq), 0) FROM ledger_events WHERE till_epoch = :epoch")
                .bind("epoch", epoch).mapTo(Long.class).one();
        long through = Math.min(ackedThrough, highest);
        writer.useTransaction(h -> h.createUpdate("INSERT INTO sync_acks (till_epoch, acked_through) VALUES (:epoch, :through) "
                        + "ON CONFLICT (till_epoch) DO UPDATE SET acked_through = MAX(acked_through, :through)")
                .bind("epoch", epoch).bind("through", through).execute());
    }

    /**
     * Applies events pulled from the server: each one new to this till is stored and projected once, and the
     * pull cursor moves to {@code cursor}, all in one transaction. Returns how many were new.
     */
    public int applyPulled(List<EventEnvelope> events, long cursor) {
        synchronized (this) {
            TillIdentity self = identity;
            if (self == null) {
                throw new IllegalStateException("this till is not enrolled yet");
            }
            try {
                return writer.inTransaction(h -> {
                    int fresh = 0;
                    for (EventEnvelope event : events) {
                        if (isOwn(h, event)) {
                            continue;
                        }
                        int inserted = h.createUpdate("INSERT INTO remote_events (event_id, type, store_id, till_id, hlc, "
                                        + "envelope) VALUES (:id, :type, :store, :till, :hlc, :envelope) "
                                        + "ON CONFLICT (event_id) DO NOTHING")
                                .bind("id", event.eventId().toString())
                                .bind("type", event.type())
                                .bind("store", event.storeId().value())
                                .bind("till", event.tillId().value())
                                .bind("hlc", event.hlc())
                                .bind("envelope", codec.toJson(event))
                                .execute();
                        if (inserted == 1) {
                            project(h, self, event);
                            hlc.observe(event.hlc());
                            fresh++;
                        }
                    }
                    setState(h, "pull.cursor", cursor);
                    return fresh;
                });
            } catch (JdbiException e) {
                throw new LedgerException(describe(e), e);
            }
        }
    }

    /**
     * True for an event this ledger recorded itself. The server sends a till its own events of earlier epochs
     * (a reinstalled or restored till lost some of them); those it still holds count once, from here.
     */
    private static boolean isOwn(Handle h, EventEnvelope event) {
        return h.createQuery("SELECT COUNT(*) FROM ledger_events WHERE event_id = :id")
                .bind("id", event.eventId().toString()).mapTo(Integer.class).one() > 0;
    }

    /** Per epoch, the highest sequence this ledger holds (gap-free from 1): what a snapshot must not count again. */
    public Map<Integer, Long> heldThrough() {
        return read(s -> s.handle().createQuery("SELECT till_epoch, MAX(till_seq) FROM ledger_events GROUP BY till_epoch")
                .reduceRows(new TreeMap<Integer, Long>(), (held, row) -> {
                    held.put(row.getColumn(1, Integer.class), row.getColumn(2, Long.class));
                    return held;
                }));
    }

    /**
     * Replaces everything this till holds from other tills and head office with {@code snapshot} (a cursor
     * too old for the server to replay events from), rebuilds every projection from its own events plus
     * these, and continues pulling at {@code cursor}: one transaction, so a failure midway changes nothing.
     * Returns how many events the snapshot held.
     */
    public int replaceRemote(Iterator<EventEnvelope> snapshot, long cursor) {
        synchronized (this) {
            TillIdentity self = identity;
            if (self == null) {
                throw new IllegalStateException("this till is not enrolled yet");
            }
            try {
                return writer.inTransaction(h -> {
                    h.execute("DELETE FROM remote_events");
                    int count = 0;
                    while (snapshot.hasNext()) {
                        EventEnvelope event = snapshot.next();
                        count++;
                        if (!isOwn(h, event)) {
                            h.createUpdate("INSERT INTO remote_events (event_id, type, store_id, till_id, hlc, envelope) "
                                            + "VALUES (:id, :type, :store, :till, :hlc, :envelope) ON CONFLICT (event_id) DO NOTHING")
                                    .bind("id", event.eventId().toString()).bind("type", event.type())
                                    .bind("store", event.storeId().value()).bind("till", event.tillId().value())
                                    .bind("hlc", event.hlc()).bind("envelope", codec.toJson(event)).execute();
                            hlc.observe(event.hlc());
                        }
                    }
                    replay(h, self);
                    setState(h, "pull.cursor", cursor);
                    return count;
                });
            } catch (JdbiException e) {
                throw new LedgerException(describe(e), e);
            }
        }
    }

    /** Where the next pull starts: the server sequence after the last one applied. */
    public long pullCursor() {
        return read(s -> s.handle().createQuery("SELECT value FROM till_state WHERE name = 'pull.cursor'")
                .mapTo(Long.class).findOne().orElse(0L));
    }

    /** When a sync round (push and pull) last completed, if ever: the offline limit on redeeming points reads it. */
    public Optional<Instant> lastSynced() {
        return read(s -> s.handle().createQuery("SELECT value FROM till_state WHERE name = 'sync.last_success_ms'")
                .mapTo(Long.class).findOne().map(Instant::ofEpochMilli));
    }

    /** Records that a sync round completed at {@code at}. */
    public synchronized void recordSynced(Instant at) {
        writer.useTransaction(h -> setState(h, "sync.last_success_ms", at.toEpochMilli()));
    }

    /** Recomputes every projection from the log (local and pulled events, in hybrid-clock order). */
    public synchronized void rebuildProjections() {
        TillIdentity self = identity;
        writer.useTransaction(h -> replay(h, self));
    }

    private void replay(Handle h, TillIdentity self) {
        projections.forEach(p -> p.reset(h));
        try (var events = h.createQuery("SELECT envelope, hlc, event_id FROM ledger_events UNION ALL "
                        + "SELECT envelope, hlc, event_id FROM remote_events ORDER BY 2, 3")
                .map((rs, ctx) -> codec.fromJson(rs.getString(1))).stream()) {
            events.forEach(event -> project(h, self, event));
        }
    }

    @Override
    public synchronized void close() {
        try {
            insertEvent.close();
            StatementCache.release(writer.getConnection());
            StatementCache.release(reader.getConnection());
        } catch (SQLException e) {
            throw new LedgerException("cannot close the ledger: " + e.getMessage(), e);
        } finally {
            reader.close();
            writer.close();
        }
    }

    private void project(Handle h, TillIdentity self, EventEnvelope event) {
        for (Projection projection : projections) {
            projection.apply(h, self, event);
        }
    }

    private static void setState(Handle h, String name, long value) {
        h.createUpdate("INSERT INTO till_state (name, value) VALUES (:name, :value) "
                        + "ON CONFLICT (name) DO UPDATE SET value = :value")
                .bind("name", name).bind("value", value).execute();
    }

    private static Optional<TillIdentity> loadIdentity(Handle h) {
        return h.createQuery("SELECT store_id, till_id, till_epoch FROM till_identity WHERE id = 1")
                .map((rs, ctx) -> new TillIdentity(new StoreId(rs.getString(1)), new TillId(rs.getString(2)), rs.getInt(3)))
                .findOne();
    }

    private static String describe(Exception e) {
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

    /** One write transaction's view; only valid inside {@link #write}. */
    private final class Transaction implements LedgerTransaction {
        private final Handle handle;
        private final TillIdentity self;
        private final List<EventEnvelope> appended;
        private final Instant now;
        private long nextSeq;

        Transaction(Handle handle, TillIdentity self, List<EventEnvelope> appended) {
            this.handle = handle;
            this.self = self;
            this.appended = appended;
            this.now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        }

        @Override
        public EventEnvelope append(Event payload) {
            if (nextSeq == 0) {
                nextSeq = StatementCache.queryOne(handle, "SELECT COALESCE(MAX(till_seq), 0) + 1 FROM ledger_events "
                        + "WHERE till_epoch = ?", rs -> rs.getLong(1), self.epoch()).orElseThrow();
            }
            EventEnvelope envelope = new EventEnvelope(EventId.newId(clock), self.storeId(), self.tillId(), self.epoch(),
                    nextSeq, hlc.now(), now, payload);
            try {
                insertEvent.setInt(1, envelope.tillEpoch());
                insertEvent.setLong(2, envelope.tillSeq());
                insertEvent.setString(3, envelope.eventId().toString());
                insertEvent.setString(4, envelope.type());
                insertEvent.setLong(5, envelope.hlc());
                insertEvent.setString(6, envelope.occurredAt().toString());
                insertEvent.setString(7, codec.toJson(envelope));
                insertEvent.executeUpdate();
            } catch (SQLException e) {
                throw new LedgerException(describe(e), e);
            }
            nextSeq++;
            project(handle, self, envelope);
            appended.add(envelope);
            return envelope;
        }

        @Override
        public long nextNumber(String counter) {
            return StatementCache.queryOne(handle, "INSERT INTO till_state (name, value) VALUES (?, 1) "
                    + "ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value", rs -> rs.getLong(1), counter)
                    .orElseThrow();
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public TillIdentity identity() {
            return self;
        }

        @Override
        public Handle handle() {
            return handle;
        }
    }
}
