package io.chainpos.server.tills;

import io.chainpos.server.db.Database;
import io.chainpos.server.web.Cursor;
import io.chainpos.server.web.ListRequest;
import io.chainpos.server.web.Slice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code tills} and {@code till_tokens} tables the enrollment fills. */
public final class JdbcEnrolledTills implements EnrolledTills {
    private final Database db;

    public JdbcEnrolledTills(Database db) {
        this.db = db;
    }

    @Override
    public Slice<Till> list(String store, ListRequest request) {
        ListRequest.Keyset keyset = request.keyset();
        List<Object> args = new ArrayList<>();
        args.add(store);
        args.addAll(keyset.args());
        args.add(request.size() + 1);
        String sql = """
                SELECT t.till_id, t.current_epoch,
                       (SELECT MAX(k.created_ms) FROM till_tokens k WHERE k.till_id = t.till_id) AS issued,
                       (SELECT COUNT(*) FROM till_tokens k WHERE k.till_id = t.till_id AND k.revoked_ms IS NULL) AS live
                FROM tills t WHERE t.store_id = ?""" + " AND " + keyset.where() + " ORDER BY " + keyset.orderBy() + " LIMIT ?";
        List<Till> rows = db.read(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < args.size(); i++) {
                query.bind(i, args.get(i));
            }
            return query.map((rs, ctx) -> {
                long issued = rs.getLong(3);
                return new Till(rs.getString(1), rs.getInt(2), rs.wasNull() ? null : Instant.ofEpochMilli(issued), rs.getLong(4) > 0);
            }).list();
        });
        return request.slice(rows, till -> new Cursor(till.tillId(), till.tillId()));
    }
}
