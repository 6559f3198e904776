package io.chainpos.server.exception;

import io.chainpos.server.db.Database;
import io.chainpos.server.web.OpenExceptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts what head office must still look at, the exceptions not resolved yet: the count shown on every page (a
 * store manager's: their store's), and per kind for the home page's chart.
 */
public final class JdbcOpenExceptions implements OpenExceptions {
    private final Database db;

    public JdbcOpenExceptions(Database db) {
        this.db = db;
    }

    @Override
    public long count() {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM sync_exceptions WHERE resolved_ms IS NULL").mapTo(Long.class).one());
    }

    @Override
    public long countIn(String store) {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM sync_exceptions WHERE store_id = :store AND resolved_ms IS NULL")
                .bind("store", store).mapTo(Long.class).one());
    }

    /** Open exceptions per kind, most first. */
    public Map<String, Long> byKind() {
        Map<String, Long> counts = new LinkedHashMap<>();
        db.read(h -> h.createQuery("""
                        SELECT kind, COUNT(*) AS n FROM sync_exceptions WHERE resolved_ms IS NULL GROUP BY kind ORDER BY n DESC, kind""")
                .map((rs, ctx) -> counts.put(rs.getString(1), rs.getLong(2))).list());
        return counts;
    }
}
