package io.chainpos.server.liability;

import io.chainpos.server.db.ReportReads;
import java.util.List;

/** The liabilities port over the tables {@link JdbcLiabilityProjection} writes. */
public final class JdbcLiabilities implements Liabilities {
    private final ReportReads db;

    public JdbcLiabilities(ReportReads db) {
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
    public List<PointsBand> pointsHeld(java.util.Optional<String> storeId) {
        StringBuilder band = new StringBuilder("CASE");
        for (int i = POINTS_BANDS.size() - 1; i >= 0; i--) {
            band.append(" WHEN held >= ").append(POINTS_BANDS.get(i)).append(" THEN ").append(i);
        }
        band.append(" END");
        long[][] counted = new long[POINTS_BANDS.size()][2];
        List<long[]> rows = db.read(h -> {
            var query = h.createQuery("""
                        SELECT %s AS band, COUNT(*), SUM(held) FROM (
                            SELECT owner_id, SUM(points) AS held FROM liability_pools %s GROUP BY owner_id) held_by_owner
                        WHERE held >= %d GROUP BY band""".formatted(band, storeId.isPresent() ? "WHERE store_id = :store" : "",
                        POINTS_BANDS.getFirst()));
            storeId.ifPresent(store -> query.bind("store", store));
            return query.map((rs, ctx) -> new long[] {rs.getInt(1), rs.getLong(2), rs.getLong(3)}).list();
        });
        rows.forEach(row -> counted[(int) row[0]] = new long[] {row[1], row[2]});
        List<PointsBand> bands = new java.util.ArrayList<>();
        for (int i = 0; i < POINTS_BANDS.size(); i++) {
            bands.add(new PointsBand(POINTS_BANDS.get(i), i + 1 < POINTS_BANDS.size() ? POINTS_BANDS.get(i + 1) : 0,
                    counted[i][0], counted[i][1]));
        }
        return bands;
    }

    @Override
    public List<Movement> movements(java.util.Optional<String> storeId, long fromMs, long untilMs) {
        return db.read(h -> {
            var query = h.createQuery("""
                        SELECT store_id,
                               SUM(CASE WHEN account = 'POINTS' AND delta > 0 THEN delta ELSE 0 END),
                               SUM(CASE WHEN account = 'POINTS' AND delta < 0 AND reason <> 'EXPIRE' THEN -delta ELSE 0 END),
                               SUM(CASE WHEN account = 'POINTS' AND reason = 'EXPIRE' THEN -delta ELSE 0 END),
                               SUM(CASE WHEN account = 'STORED_VALUE' AND delta - bonus_part > 0 THEN delta - bonus_part ELSE 0 END),
                               SUM(CASE WHEN account = 'STORED_VALUE' AND delta - bonus_part < 0 THEN bonus_part - delta ELSE 0 END),
                               SUM(CASE WHEN account = 'STORED_VALUE' AND bonus_part > 0 THEN bonus_part ELSE 0 END),
                               SUM(CASE WHEN account = 'STORED_VALUE' AND bonus_part < 0 THEN -bonus_part ELSE 0 END)
                        FROM liability_deltas WHERE %s occurred_ms >= :from AND occurred_ms < :until
                        GROUP BY store_id ORDER BY store_id""".formatted(storeId.isPresent() ? "store_id = :store AND" : ""));
            storeId.ifPresent(store -> query.bind("store", store));
            return query.bind("from", fromMs)
                    .bind("until", untilMs)
                    .map((rs, ctx) -> new Movement(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8)))
                    .list();
        });
    }
}
