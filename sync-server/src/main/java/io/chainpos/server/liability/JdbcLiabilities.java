package io.chainpos.server.liability;

import io.chainpos.server.db.ReportReads;
import java.util.List;
import java.util.Map;

/** The liabilities port over the tables {@link JdbcLiabilityProjection} writes. */
public final class JdbcLiabilities implements Liabilities {
    private static final long DAY_MS = JdbcLiabilityProjection.DAY_MS;
    /** The movements from {@code :from} to {@code :until} (ms), read one by one; %s: a store's condition or nothing. */
    private static final String RAW = """
            SELECT store_id,
                   SUM(CASE WHEN account = 'POINTS' AND delta > 0 THEN delta ELSE 0 END),
                   SUM(CASE WHEN account = 'POINTS' AND delta < 0 AND reason <> 'EXPIRE' THEN -delta ELSE 0 END),
                   SUM(CASE WHEN account = 'POINTS' AND reason = 'EXPIRE' THEN -delta ELSE 0 END),
                   SUM(CASE WHEN account = 'STORED_VALUE' AND delta - bonus_part > 0 THEN delta - bonus_part ELSE 0 END),
                   SUM(CASE WHEN account = 'STORED_VALUE' AND delta - bonus_part < 0 THEN bonus_part - delta ELSE 0 END),
                   SUM(CASE WHEN account = 'STORED_VALUE' AND bonus_part > 0 THEN bonus_part ELSE 0 END),
                   SUM(CASE WHEN account = 'STORED_VALUE' AND bonus_part < 0 THEN -bonus_part ELSE 0 END)
            FROM liability_deltas WHERE %s occurred_ms >= :from AND occurred_ms < :until
            GROUP BY store_id ORDER BY store_id""";
    /** The same summed per UTC day by the projection, for the whole days {@code :from} to {@code :until}. */
    private static final String DAYS = """
            SELECT store_id, SUM(points_earned), SUM(points_spent), SUM(points_expired), SUM(paid_in), SUM(paid_out),
                   SUM(bonus_in), SUM(bonus_out)
            FROM liability_store_days WHERE %s day >= :from AND day < :until
            GROUP BY store_id ORDER BY store_id""";

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
                        SELECT %s AS band, COUNT(*), SUM(held) FROM (%s) held_by_owner
                        WHERE held >= %d GROUP BY band""".formatted(band, storeId.isPresent()
                        ? "SELECT owner_id, SUM(points) AS held FROM liability_pools WHERE store_id = :store GROUP BY owner_id"
                        : "SELECT owner_id, points AS held FROM liability_owner_points", POINTS_BANDS.getFirst()));
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
        // whole UTC days from the stores' daily sums, the partial days at either end from the movements themselves
        long firstDay = Math.floorDiv(fromMs, DAY_MS) + (Math.floorMod(fromMs, DAY_MS) == 0 ? 0 : 1);
        long endDay = Math.floorDiv(untilMs, DAY_MS);
        if (firstDay >= endDay) {
            return movements(storeId, RAW, fromMs, untilMs);
        }
        Map<String, long[]> sums = new java.util.TreeMap<>();
        for (List<Movement> part : List.of(movements(storeId, RAW, fromMs, firstDay * DAY_MS), movements(storeId, DAYS, firstDay, endDay),
                movements(storeId, RAW, endDay * DAY_MS, untilMs))) {
            for (Movement m : part) {
                long[] into = sums.computeIfAbsent(m.storeId(), k -> new long[7]);
                long[] add = {m.pointsIn(), m.pointsOut(), m.pointsExpired(), m.paidIn(), m.paidOut(), m.bonusIn(), m.bonusOut()};
                for (int i = 0; i < 7; i++) {
                    into[i] += add[i];
                }
            }
        }
        List<Movement> out = new java.util.ArrayList<>();
        sums.forEach((store, m) -> out.add(new Movement(store, m[0], m[1], m[2], m[3], m[4], m[5], m[6])));
        return out;
    }

    private List<Movement> movements(java.util.Optional<String> storeId, String sums, long from, long until) {
        if (from >= until) {
            return List.of();
        }
        return db.read(h -> {
            var query = h.createQuery(sums.formatted(storeId.isPresent() ? "store_id = :store AND" : ""));
            storeId.ifPresent(store -> query.bind("store", store));
            return query.bind("from", from)
                    .bind("until", until)
                    .map((rs, ctx) -> new Movement(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8)))
                    .list();
        });
    }
}
