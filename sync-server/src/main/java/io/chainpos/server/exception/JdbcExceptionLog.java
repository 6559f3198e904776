package io.chainpos.server.exception;

import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.Database;
import io.chainpos.server.db.SqlSession;
import io.chainpos.server.log.Findings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Writes what head office must look at, in the transaction of the log that found it, and reads it back. */
public final class JdbcExceptionLog implements ExceptionLog, Findings {
    private static final String INSERT = """
            INSERT INTO sync_exceptions (kind, member_id, balance, store_id, sku, qty_milli, till_id, event_id, detail, detected_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String COUNT = """
            INSERT INTO open_exception_counts (store_id, kind, open_count) VALUES (?, ?, ?)
            ON CONFLICT (store_id, kind) DO UPDATE SET open_count = open_exception_counts.open_count + excluded.open_count""";
    private static final String NEWEST = """
            SELECT kind, member_id, balance, store_id, sku, qty_milli, till_id, event_id, detail, detected_ms
            FROM (SELECT * FROM sync_exceptions ORDER BY id DESC LIMIT :limit) newest ORDER BY id""";

    private final Database db;

    public JdbcExceptionLog(Database db) {
        this.db = db;
    }

    /** One JDBC batch: a till selling goods never booked in finds negative stock on every line. */
    @Override
    public void record(SqlSession sql, List<SyncException> found) {
        sql.batch(INSERT, found.stream().map(e -> new Object[] {e.kind().name(), e.memberId(), e.balance(), e.storeId(), e.sku(),
                e.qtyMilli(), e.tillId(), e.eventId(), e.detail(), e.detectedAt().toEpochMilli()}).toList());
        // The open counts, per store and kind, in key order: two pushes counting at once take their rows in one order.
        java.util.SortedMap<OpenKey, Long> counts = new java.util.TreeMap<>();
        for (SyncException e : found) {
            counts.merge(new OpenKey(e.storeId() == null ? "" : e.storeId(), e.kind().name()), 1L, Long::sum);
        }
        sql.batch(COUNT, counts.entrySet().stream().map(c -> new Object[] {c.getKey().store(), c.getKey().kind(), c.getValue()})
                .toList());
    }

    /** A row of the open counts. */
    private record OpenKey(String store, String kind) implements Comparable<OpenKey> {
        @Override
        public int compareTo(OpenKey other) {
            int byStore = store.compareTo(other.store);
            return byStore != 0 ? byStore : kind.compareTo(other.kind);
        }
    }

    @Override
    public List<SyncException> exceptions(int limit) {
        return db.read(h -> h.createQuery(NEWEST)
                .bind("limit", limit)
                .map((rs, ctx) -> read(rs))
                .list());
    }

    private static SyncException read(ResultSet rs) throws SQLException {
        return new SyncException(SyncException.Kind.valueOf(rs.getString(1)), rs.getString(2), nullableLong(rs, 3),
                rs.getString(4), rs.getString(5), nullableLong(rs, 6), rs.getString(7), rs.getString(8),
                rs.getString(9), Instant.ofEpochMilli(rs.getLong(10)));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
