package io.chainpos.server.db;

import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * One database the server keeps its log, projections and accounts in: SQLite (one file, one writer) or
 * PostgreSQL (many writers, many server nodes). The SQL above it is the same; what differs is here.
 */
public interface Database extends ReportReads, AutoCloseable {

    /**
     * Runs {@code work} as one write transaction; it has committed durably when this returns. {@code work}
     * may run more than once: a transaction that lost a race (a deadlock, a serialization failure, a
     * duplicate another node committed first) is rolled back and run again, so it must not keep state
     * between attempts.
     */
    <T> T write(Function<Tx, T> work);

    /**
     * Runs {@code work} as one write transaction that is committed and seen by every reader when this returns, but not
     * yet forced to disk: the next {@link #write} (or checkpoint) forces it with its own. A power cut may undo it; never
     * half of it, and never a later durable write without it. For what the log derives again after such a cut (the
     * projections: their cursor rolls back with their rows) and for what is only a report of the moment (a till's last
     * contact); never for what a till or head office was told is stored.
     */
    <T> T writeUnforced(Function<Tx, T> work);

    /** Runs {@code work} on a reader, each statement seeing what was committed when it started. */
    @Override
    <T> T read(Function<Handle, T> work);

    /** Runs {@code work} in one read-only transaction that sees a single committed state throughout. */
    @Override
    <T> T readConsistent(Function<Handle, T> work);

    Dialect dialect();

    /**
     * After an erasure: leaves no copy of the rows deleted from {@code tables} where the database would
     * otherwise keep them (SQLite's write-ahead log, PostgreSQL's dead row versions).
     */
    void scrub(java.util.List<String> tables);

    @Override
    void close();

    /** What a write transaction works with: Jdbi for the occasional statement, cached JDBC for the hot path. */
    public record Tx(Handle handle, SqlSession sql) {
    }
}
