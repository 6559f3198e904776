package io.chainpos.server.exception;

import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.Database;
import io.chainpos.server.web.Cursor;
import io.chainpos.server.web.ListRequest;
import io.chainpos.server.web.Slice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code sync_exceptions} table, paged by key with its filters, and the resolutions written into its rows. */
public final class JdbcExceptionRecords implements ExceptionRecords {
    private static final String COLUMNS = """
            id, kind, member_id, balance, store_id, sku, qty_milli, till_id, event_id, detail, detected_ms,
            resolved_ms, resolved_by, resolution""";

    private final Database db;

    public JdbcExceptionRecords(Database db) {
        this.db = db;
    }

    @Override
    public Slice<Recorded> list(Filter filter, ListRequest request) {
        ListRequest.Keyset keyset = request.keyset();
        List<Object> args = new ArrayList<>(keyset.args());
        StringBuilder where = new StringBuilder(keyset.where());
        filter.store().ifPresent(store -> {
            where.append(" AND store_id = ?");
            args.add(store);
        });
        filter.kind().ifPresent(kind -> {
            where.append(" AND kind = ?");
            args.add(kind.name());
        });
        filter.from().ifPresent(from -> {
            where.append(" AND detected_ms >= ?");
            args.add(from.toEpochMilli());
        });
        filter.until().ifPresent(until -> {
            where.append(" AND detected_ms < ?");
            args.add(until.toEpochMilli());
        });
        switch (filter.status()) {
            case OPEN -> where.append(" AND resolved_ms IS NULL");
            case RESOLVED -> where.append(" AND resolved_ms IS NOT NULL");
            case ALL -> { }
        }
        args.add(request.size() + 1);
        String sql = "SELECT " + COLUMNS + " FROM sync_exceptions WHERE " + where + " ORDER BY " + keyset.orderBy() + " LIMIT ?";
        List<Recorded> rows = db.read(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < args.size(); i++) {
                query.bind(i, args.get(i));
            }
            return query.map((rs, ctx) -> recorded(rs)).list();
        });
        return request.slice(rows, r -> new Cursor(switch (request.sort().name()) {
            case "kind" -> r.exception().kind().name();
            case "store" -> r.exception().storeId() == null ? "" : r.exception().storeId();
            default -> Long.toString(r.id());
        }, Long.toString(r.id())));
    }

    @Override
    public Optional<Recorded> find(long id) {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM sync_exceptions WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> recorded(rs)).findOne());
    }

    @Override
    public Resolved resolve(long id, String actor, String note, Instant at) {
        return db.write(tx -> {
            int changed = tx.handle().createUpdate("""
                            UPDATE sync_exceptions SET resolved_ms = :at, resolved_by = :actor, resolution = :note
                            WHERE id = :id AND resolved_ms IS NULL""")
                    .bind("at", at.toEpochMilli()).bind("actor", actor).bind("note", note).bind("id", id).execute();
            if (changed == 1) {
                tx.handle().createUpdate("""
                                UPDATE open_exception_counts SET open_count = open_count - 1
                                WHERE (store_id, kind) = (SELECT COALESCE(store_id, ''), kind FROM sync_exceptions WHERE id = :id)""")
                        .bind("id", id).execute();
                return Resolved.RESOLVED;
            }
            boolean exists = tx.handle().createQuery("SELECT COUNT(*) FROM sync_exceptions WHERE id = :id").bind("id", id)
                    .mapTo(Long.class).one() > 0;
            return exists ? Resolved.ALREADY_RESOLVED : Resolved.NOT_FOUND;
        });
    }

    private static Recorded recorded(ResultSet rs) throws SQLException {
        SyncException exception = new SyncException(SyncException.Kind.valueOf(rs.getString(2)), rs.getString(3),
                nullableLong(rs, 4), rs.getString(5), rs.getString(6), nullableLong(rs, 7), rs.getString(8), rs.getString(9),
                rs.getString(10), Instant.ofEpochMilli(rs.getLong(11)));
        Long resolved = nullableLong(rs, 12);
        return new Recorded(rs.getLong(1), exception, resolved == null ? null : Instant.ofEpochMilli(resolved), rs.getString(13),
                rs.getString(14));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
