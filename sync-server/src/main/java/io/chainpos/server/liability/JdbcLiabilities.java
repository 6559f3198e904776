package io.chainpos.server.liability;

import io.chainpos.server.db.Database;
import java.util.List;

/** The liabilities port over the tables {@link JdbcLiabilityProjection} writes. */
public final class JdbcLiabilities implements Liabilities {
    private final Database db;

    public JdbcLiabilities(Database db) {
        this.db = db;
    }

    @Override
    public List<StoreLiability> byStore() {
        return db.read(h -> h.createQuery("""
                        SELECT store_id, points, paid, bonus, points_earned, points_expired FROM liability_totals ORDER BY store_id""")
                .map((rs, ctx) -> new StoreLiability(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6)))
                .list());
    }

    @Override
    public List<Movement> movements(long fromMs, long untilMs) {
        return db.read(h -> h.createQuery("""
                        SELECT store_id,
                               SUM(CASE WHEN account = 'POINTS' AND delta > 0 THEN delta ELSE 0 END),
                               SUM(CASE WHEN account = 'POINTS' AND delta < 0 AND reason <> 'EXPIRE' THEN -delta ELSE 0 END),
                               SUM(CASE WHEN account = 'POINTS' AND reason = 'EXPIRE' THEN -delta ELSE 0 END),
                               SUM(CASE WHEN account = 'STORED_VALUE' AND delta - bonus_part > 0 THEN delta - bonus_part ELSE 0 END),
                               SUM(CASE WHEN account = 'STORED_VALUE' AND delta - bonus_part < 0 THEN bonus_part - delta ELSE 0 END),
                               SUM(CASE WHEN account = 'STORED_VALUE' AND bonus_part > 0 THEN bonus_part ELSE 0 END),
                               SUM(CASE WHEN account = 'STORED_VALUE' AND bonus_part < 0 THEN -bonus_part ELSE 0 END)
                        FROM liability_deltas WHERE occurred_ms >= :from AND occurred_ms < :until
                        GROUP BY store_id ORDER BY store_id""")
                .bind("from", fromMs)
                .bind("until", untilMs)
                .map((rs, ctx) -> new Movement(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8)))
                .list());
    }
}
