package io.chainpos.server.audit;

import io.chainpos.server.db.Database;
import io.chainpos.server.web.Cursor;
import io.chainpos.server.web.ListRequest;
import io.chainpos.server.web.Slice;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit log in the server's database; rows are only ever added. */
public final class JdbcAuditLog implements AuditLog, AuditTrail {
    private static final int MAX = 2_000;

    private final Database db;
    private final Clock clock;

    public JdbcAuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void record(String actor, String action, String target, String store, String detail) {
        db.write(tx -> tx.handle().createUpdate("""
                        INSERT INTO audit_log (at_ms, actor, action, target, store_id, detail)
                        VALUES (:at, :actor, :action, :target, :store, :detail)""")
                .bind("at", clock.millis())
                .bind("actor", cut(actor, 64))
                .bind("action", cut(action, 64))
                .bind("target", cut(target == null ? "" : target, 200))
                .bind("store", store)
                .bind("detail", cut(detail == null ? "" : detail, MAX))
                .execute());
    }

    @Override
    public Slice<AuditEntry> list(ListRequest request) {
        ListRequest.Keyset keyset = request.keyset();
        List<Object> args = new ArrayList<>(keyset.args());
        StringBuilder where = new StringBuilder(keyset.where());
        request.filter("actor").ifPresent(actor -> {
            where.append(" AND actor = ?");
            args.add(actor);
        });
        request.filter("action").ifPresent(action -> {
            where.append(" AND action = ?");
            args.add(action);
        });
        args.add(request.size() + 1);
        String sql = "SELECT id, at_ms, actor, action, target, store_id, detail FROM audit_log WHERE " + where
                + " ORDER BY " + keyset.orderBy() + " LIMIT ?";
        List<AuditEntry> rows = db.read(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < args.size(); i++) {
                query.bind(i, args.get(i));
            }
            return query.map((rs, ctx) -> new AuditEntry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))).list();
        });
        return request.slice(rows, entry -> new Cursor(sortValue(request, entry), Long.toString(entry.id())));
    }

    private static String sortValue(ListRequest request, AuditEntry entry) {
        return switch (request.sort().name()) {
            case "actor" -> entry.actor();
            case "action" -> entry.action();
            default -> Long.toString(entry.id());
        };
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
