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
        return db.read(h -> h.createQuery("SELECT COALESCE(SUM(open_count), 0) FROM open_exception_counts").mapTo(Long.class).one());
    }

    @Override
    public long countIn(String store) {
        return db.read(h -> h.createQuery("SELECT COALESCE(SUM(open_count), 0) FROM open_exception_counts WHERE store_id = :store")
                .bind("store", store).mapTo(Long.class).one());
    }

    /** Open exceptions per kind, most first. */
    public Map<String, Long> byKind() {
        Map<String, Long> counts = new LinkedHashMap<>();
        db.read(h -> h.createQuery("""
                        SELECT kind, SUM(open_count) AS n FROM open_exception_counts GROUP BY kind HAVING SUM(open_count) > 0 ORDER BY n DESC, kind""")
                .map((rs, ctx) -> counts.put(rs.getString(1), rs.getLong(2))).list());
        return counts;
    }
}
