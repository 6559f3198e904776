package io.chainpos.server.store;

import io.chainpos.server.db.*;
import io.chainpos.model.sync.SyncException;
import java.time.Instant;
import java.util.List;

/** Writes and reads what head office must look at; written in the transaction that found it. */
final class JdbcExceptionLog {
    private static final String INSERT = """
            INSERT INTO sync_exceptions (kind, member_id, balance, store_id, sku, qty_milli, till_id, event_id, detail, detected_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    static final String NEWEST = """
            SELECT kind, member_id, balance, store_id, sku, qty_milli, till_id, event_id, detail, detected_ms
            FROM (SELECT * FROM sync_exceptions ORDER BY id DESC LIMIT ?) newest ORDER BY id""";

    /** One JDBC batch: a till selling goods never booked in finds negative stock on every line. */
    void record(SqlSession sql, List<SyncException> found) {
        sql.batch(INSERT, found.stream().map(e -> new Object[] {e.kind().name(), e.memberId(), e.balance(), e.storeId(), e.sku(),
                e.qtyMilli(), e.tillId(), e.eventId(), e.detail(), e.detectedAt().toEpochMilli()}).toList());
    }

    static SyncException read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SyncException(SyncException.Kind.valueOf(rs.getString(1)), rs.getString(2), nullableLong(rs, 3),
                rs.getString(4), rs.getString(5), nullableLong(rs, 6), rs.getString(7), rs.getString(8),
                rs.getString(9), Instant.ofEpochMilli(rs.getLong(10)));
    }

    private static Long nullableLong(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
