package io.chainpos.server.db;

import java.sql.SQLException;
import java.util.Set;

/** The few places SQLite and PostgreSQL need different SQL or handling. */
public enum Dialect {
    /** One writer at a time (the file lock), so nothing needs to be locked row by row. */
    SQLITE("") {
        @Override
        public boolean isRetryable(SQLException e) {
            return false;
        }
    },
    /**
     * Many writers: a till's mark is locked for the transaction, so two nodes given the same batch at once
     * take turns and the second finds duplicates.
     */
    POSTGRESQL(" FOR UPDATE") {
        /** serialization_failure, deadlock_detected. */
        private static final Set<String> RACES = Set.of("40001", "40P01");

        @Override
        public boolean isRetryable(SQLException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && sql.getSQLState() != null && RACES.contains(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        }
    };

    private final String forUpdate;

    Dialect(String forUpdate) {
        this.forUpdate = forUpdate;
    }

    /** Appended to a SELECT that reads a row this transaction is about to change. */
    public String forUpdate() {
        return forUpdate;
    }

    /** A transaction that failed with {@code e} lost a race with another writer and may simply run again. */
    public abstract boolean isRetryable(SQLException e);

    /**
     * A unique key was already taken: on ingest, an event id stored under another key (or, on PostgreSQL,
     * committed by another node a moment ago). The caller runs the transaction again, looking first.
     */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("23505".equals(sql.getSQLState())
                    || String.valueOf(sql.getMessage()).contains("UNIQUE constraint failed"))) {
                return true;
            }
            if (t instanceof java.sql.BatchUpdateException batch && batch.getNextException() != null
                    && isUniqueViolation(batch.getNextException())) {
                return true;
            }
        }
        return false;
    }

    /** True when the failure was caused by the data a statement was given, not by the database being unwell. */
    public static boolean isCausedByData(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
                // 22 data exception, 23 integrity constraint, 54 program limit exceeded
                return Set.of("22", "23", "54").contains(sql.getSQLState().substring(0, 2));
            }
        }
        // SQLite reports everything with a null state; anything but I/O and locking is about the data.
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String message = String.valueOf(sql.getMessage());
                return !(message.contains("SQLITE_IOERR") || message.contains("SQLITE_FULL") || message.contains("SQLITE_BUSY")
                        || message.contains("SQLITE_CANTOPEN") || message.contains("SQLITE_READONLY")
                        || message.contains("SQLITE_CORRUPT") || message.contains("closed"));
            }
        }
        return true;
    }
}
