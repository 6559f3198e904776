package io.chainpos.bench.sync;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The baseline writer: one till's event rows written straight into the server's {@code events} table (same
 * columns, same indexes), 500 per transaction as one JDBC batch of {@code INSERT ... ON CONFLICT DO NOTHING}
 * ({@code reWriteBatchedInserts} on PostgreSQL), committed durably (SQLite: WAL, {@code synchronous=FULL}, as
 * the server). No HTTP, no parsing, no projections: as fast as the database stores events. On PostgreSQL the log is
 * partitioned (V250): each row also carries its kind, and its keys go to {@code event_keys} first, as the server writes them.
 */
final class RawEventWriter implements AutoCloseable {
    static final String INSERT = """
            INSERT INTO events (server_seq, event_id, store_id, till_id, till_epoch, till_seq, type, schema_version, hlc,
                                occurred_at, scope, received_ms, body)
            VALUES (?, ?, ?, ?, 1, ?, ?, 1, ?, '2026-11-23T03:00:00Z', ?, ?, ?)
            ON CONFLICT DO NOTHING""";
    static final String INSERT_PARTITIONED = """
            INSERT INTO events (server_seq, event_id, store_id, till_id, till_epoch, till_seq, type, schema_version, hlc,
                                occurred_at, scope, received_ms, body, kind)
            VALUES (?, ?, ?, ?, 1, ?, ?, 1, ?, '2026-11-23T03:00:00Z', ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";
    static final String INSERT_KEYS = """
            INSERT INTO event_keys (event_id, till_id, till_epoch, till_seq) VALUES (?, ?, 1, ?) ON CONFLICT DO NOTHING""";

    private final Connection connection;
    private final PreparedStatement insert;
    private final PreparedStatement keys;
    private final SaleBatches rows;
    private final String store;
    private final String till;
    private final AtomicLong serverSeq;
    private final Lock lock;

    /** A writer for till {@code n} of a database whose server sequences {@code serverSeq} hands out. */
    RawEventWriter(String jdbcUrl, boolean sqlite, int n, long idPrefix, AtomicLong serverSeq) throws SQLException {
        this(jdbcUrl, sqlite, n, idPrefix, serverSeq, SaleBatches.BATCH, new ReentrantLock());
    }

    /**
     * As above, {@code batch} events per transaction. On SQLite the writers of one database share {@code lock}
     * and take turns, as the server's one writer does: left to SQLite's busy handler, writers waiting for its
     * write lock sleep for milliseconds and the baseline would understate the database.
     */
    RawEventWriter(String jdbcUrl, boolean sqlite, int n, long idPrefix, AtomicLong serverSeq, int batch, Lock lock)
            throws SQLException {
        this.lock = sqlite ? lock : null;
        this.store = "S%03d".formatted(n);
        this.till = store + "-T1";
        this.rows = new SaleBatches(store, till, idPrefix + n, batch);
        this.serverSeq = serverSeq;
        this.connection = DriverManager.getConnection(jdbcUrl);
        if (sqlite) {
            try (var s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=10000");
                for (String pragma : io.chainpos.server.db.SqliteTuning.WRITER_PRAGMAS) {
                    s.execute(pragma); // the server's writer's, so the baseline is what the same SQLite does for these rows
                }
            }
        }
        connection.setAutoCommit(false);
        insert = connection.prepareStatement(sqlite ? INSERT : INSERT_PARTITIONED);
        keys = sqlite ? null : connection.prepareStatement(INSERT_KEYS);
    }

    /** Inserts and commits the till's next batch of events. */
    void insertBatch() throws SQLException {
        if (lock == null) {
            insertAndCommit();
            return;
        }
        lock.lock();
        try {
            insertAndCommit();
        } finally {
            lock.unlock();
        }
    }

    private void insertAndCommit() throws SQLException {
        String[] id = new String[1];
        long[] seq = new long[1];
        long now = System.currentTimeMillis();
        for (int i = 0; i < rows.size(); i++) {
            String body = rows.nextEvent(i, id, seq);
            insert.setLong(1, serverSeq.incrementAndGet());
            insert.setString(2, id[0]);
            insert.setString(3, store);
            insert.setString(4, till);
            insert.setLong(5, seq[0]);
            insert.setString(6, rows.typeOf(i));
            insert.setLong(7, now << 16);
            insert.setString(8, i % 4 == 3 ? "CHAIN" : "STORE");
            insert.setLong(9, now);
            insert.setString(10, body);
            if (keys != null) {
                insert.setString(11, "SaleCompleted".equals(rows.typeOf(i)) ? "R" : "S");
                keys.setString(1, id[0]);
                keys.setString(2, till);
                keys.setLong(3, seq[0]);
                keys.addBatch();
            }
            insert.addBatch();
        }
        if (keys != null) {
            keys.executeBatch();
        }
        insert.executeBatch();
        connection.commit();
    }

    @Override
    public void close() throws SQLException {
        insert.close();
        if (keys != null) {
            keys.close();
        }
        connection.close();
    }
}
