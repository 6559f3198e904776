package io.chainpos.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports read from a PostgreSQL replica of the primary ({@code --read-db}), and from the primary while the
 * replica cannot be reached: a report answers a little late rather than not at all. The replica's
 * connections are read-only. After a failed connection the replica is left alone for {@link #RETRY_AFTER},
 * so a report does not wait for a dead replica's connect timeout on every page; the change each way is logged
 * once and counted.
 */
public final class ReplicaReads implements ReportReads, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaReads.class);
    /** How long reports go straight to the primary after the replica failed to answer. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(10);
    /** How long a report waits for a replica connection before it reads the primary instead. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final HikariDataSource pool;
    private final Jdbi replica;
    private final Database primary;
    private final Clock clock;
    private final String where;
    private final AtomicLong onReplica = new AtomicLong();
    private final AtomicLong onPrimary = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile long downUntilMs = Long.MIN_VALUE;
    private volatile boolean down;

    private ReplicaReads(HikariDataSource pool, Database primary, Clock clock, String where) {
        this.pool = pool;
        this.replica = Jdbi.create(pool);
        this.primary = primary;
        this.clock = clock;
        this.where = where;
    }

    /**
     * Reports on the PostgreSQL replica {@code settings} name, falling back to {@code primary}. The replica need
     * not answer yet: the server starts, and reports read the primary until it does.
     */
    public static ReplicaReads open(DatabaseSettings settings, Database primary, Clock clock) {
        if (!settings.isPostgres()) {
            throw new Storage.UnsupportedDatabase("--read-db takes a jdbc:postgresql:// URL of a replica of the primary, not "
                    + settings.redactedUrl());
        }
        HikariConfig config = PostgresDatabase.pool(settings, "postgres-replica");
        config.setReadOnly(true);
        // PgJDBC enforces read-only only inside explicit transactions unless asked to everywhere.
        config.addDataSourceProperty("readOnlyMode", "always");
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(Math.max(250, Math.min(settings.connectTimeout().toMillis(), CONNECT_TIMEOUT.toMillis())));
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (IllegalArgumentException e) {
            throw new StorageFailure("cannot use the read replica " + settings.redactedUrl() + ": " + e.getMessage(), e);
        }
        return new ReplicaReads(pool, primary, clock, settings.redactedUrl());
    }

    @Override
    public <T> T read(Function<Handle, T> work) {
        return either(() -> replica.withHandle(work::apply), () -> primary.read(work));
    }

    @Override
    public <T> T readConsistent(Function<Handle, T> work) {
        return either(() -> replica.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            handle.execute("SET TRANSACTION READ ONLY");
            return work.apply(handle);
        }), () -> primary.readConsistent(work));
    }

    private <T> T either(Supplier<T> fromReplica, Supplier<T> fromPrimary) {
        if (down && clock.millis() < downUntilMs) {
            onPrimary.incrementAndGet();
            return fromPrimary.get();
        }
        T result;
        try {
            result = fromReplica.get();
        } catch (RuntimeException e) {
            if (!unreachable(e)) {
                throw e;
            }
            markDown(e);
            onPrimary.incrementAndGet();
            return fromPrimary.get();
        }
        if (down) {
            down = false;
            LOG.atInfo().setMessage("read_replica_back").addKeyValue("replica", where).log();
        }
        onReplica.incrementAndGet();
        return result;
    }

    private void markDown(RuntimeException e) {
        failures.incrementAndGet();
        downUntilMs = clock.millis() + RETRY_AFTER.toMillis();
        if (!down) {
            down = true;
            LOG.atWarn().setMessage("read_replica_unreachable").addKeyValue("replica", where)
                    .addKeyValue("reports_read", "primary").addKeyValue("retry_after_s", RETRY_AFTER.toSeconds())
                    .addKeyValue("cause", rootMessage(e)).log();
        }
    }

    /**
     * Undefined table, undefined column: the replica's schema has not yet been given the migrations this server
     * brought (README, Operations: upgrading with a read replica), so the primary answers meanwhile.
     */
    private static final java.util.Set<String> SCHEMA_BEHIND = java.util.Set.of("42P01", "42703");

    /**
     * The replica cannot be reached, is shutting down or lacks this server's schema, as opposed to a report's own
     * fault, which is thrown.
     */
    static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectionException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().startsWith("08")
                    || sql.getSQLState().startsWith("57P") || SCHEMA_BEHIND.contains(sql.getSQLState()))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /**
     * How far the replica's figures trail the primary: the events the replica's read models do not hold yet (its
     * projected head against the primary's log head: the projections follow the log, on the primary and so on the replica),
     * and when the first of them reached the primary (its figures hold everything before that moment).
     * Empty while the replica cannot be reached.
     */
    public Optional<Lag> lag() {
        if (down && clock.millis() < downUntilMs) {
            return Optional.empty();
        }
        long[] seen;
        try {
            seen = replica.withHandle(h -> h.createQuery("""
                            SELECT p.projected_seq, e.received_ms FROM projector_head p LEFT JOIN events e ON e.server_seq = p.projected_seq""")
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getObject(2) == null ? -1 : rs.getLong(2)}).one());
        } catch (RuntimeException e) {
            if (!unreachable(e)) {
                throw e;
            }
            markDown(e);
            return Optional.empty();
        }
        long replicaSeq = seen[0];
        long[] head = primary.read(h -> h.createQuery("""
                        SELECT h.last_seq, e.received_ms FROM log_head h LEFT JOIN events e ON e.server_seq = :next""")
                .bind("next", replicaSeq + 1)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getObject(2) == null ? -1 : rs.getLong(2)}).one());
        long behind = Math.max(0, head[0] - replicaSeq);
        Instant asOf;
        if (behind == 0) {
            asOf = clock.instant();
        } else if (head[1] >= 0) {
            asOf = Instant.ofEpochMilli(head[1]);
        } else {
            asOf = seen[1] >= 0 ? Instant.ofEpochMilli(seen[1]) : null;
        }
        return Optional.of(new Lag(behind, Optional.ofNullable(asOf)));
    }

    /**
     * @param events the primary's events the replica has not applied yet
     * @param asOf   the moment up to which the replica holds every event (now when it is caught up)
     */
    public record Lag(long events, Optional<Instant> asOf) {
        /** How long ago the replica's figures stood, at {@code now}: zero when it is caught up. */
        public Duration behind(Instant now) {
            return events == 0 ? Duration.ZERO : asOf.map(at -> Duration.between(at, now)).filter(d -> !d.isNegative())
                    .orElse(Duration.ZERO);
        }
    }

    /** How far the replica trails now, in time; empty while it cannot be reached. */
    public Optional<Duration> lagTime() {
        return lag().map(l -> l.behind(clock.instant()));
    }

    /** Report reads the replica answered. */
    public long readsOnReplica() {
        return onReplica.get();
    }

    /** Report reads the primary answered because the replica could not. */
    public long readsOnPrimary() {
        return onPrimary.get();
    }

    /** Times a report found the replica unreachable. */
    public long failures() {
        return failures.get();
    }

    /** Whether reports currently read the primary because the replica failed. */
    public boolean fallenBack() {
        return down;
    }

    @Override
    public void close() {
        pool.close();
    }
}
