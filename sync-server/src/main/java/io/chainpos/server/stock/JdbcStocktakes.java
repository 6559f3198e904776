package io.chainpos.server.stock;

import io.chainpos.server.db.ReportReads;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the tables {@link JdbcStocktakeProjection} writes. */
public final class JdbcStocktakes implements Stocktakes {
    private final ReportReads db;

    public JdbcStocktakes(ReportReads db) {
        this.db = db;
    }

    @Override
    public List<Stocktake> approved(Optional<String> store, int limit) {
        return db.read(h -> {
            List<Stocktake> found = h.createQuery("""
                            SELECT stocktake_no, store_id, scope_kind, scope_label, started_at, approved_at, counted_by, approved_by,
                                   approver_name, uncounted_as_zero FROM stocktakes
                            WHERE :any OR store_id = :store
                            ORDER BY approved_at DESC, stocktake_no LIMIT :limit""")
                    .bind("any", store.isEmpty())
                    .bind("store", store.orElse(""))
                    .bind("limit", limit)
                    .map((rs, ctx) -> new Stocktake(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10) == 1, new ArrayList<>()))
                    .list();
            for (Stocktake s : found) {
                s.lines().addAll(h.createQuery("""
                                SELECT sku, counted_milli, on_hand_milli, difference_milli FROM stocktake_lines
                                WHERE stocktake_no = :no ORDER BY sku""")
                        .bind("no", s.stocktakeNo())
                        .map((rs, ctx) -> new Stocktake.Line(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                        .list());
            }
            return found;
        });
    }
}
