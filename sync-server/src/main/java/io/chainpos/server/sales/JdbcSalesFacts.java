package io.chainpos.server.sales;

import io.chainpos.server.db.ReportReads;
import io.chainpos.server.db.SqlSession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads the sales facts projection's tables, summed over a period's local days: one store's own rows, or for the
 * whole chain the rows it rolls up per day (a chain of 1,000 stores would otherwise sum every store's rows).
 */
public final class JdbcSalesFacts implements SalesFacts {
    private static final String TOTALS = "SUM(baskets), SUM(items_milli), SUM(gross), SUM(discount), SUM(net), SUM(refunds), SUM(refunded)";
    private static final String ITEM_SUMS = "SUM(qty_milli), SUM(gross), SUM(discount), SUM(net), SUM(refund_qty_milli), SUM(refunded)";

    private final ReportReads db;

    public JdbcSalesFacts(ReportReads db) {
        this.db = db;
    }

    @Override
    public Summary summary(Filter filter) {
        List<Object[]> rows = query("SELECT member, " + TOTALS + " FROM " + table(filter, "sales_fact_baskets", "sales_chain_baskets")
                + " WHERE " + where(filter) + " GROUP BY member", filter, rs -> new Object[] {rs.getLong(1), totals(rs, 2)});
        Totals all = Totals.NONE;
        Totals members = Totals.NONE;
        for (Object[] row : rows) {
            all = all.plus((Totals) row[1]);
            if ((Long) row[0] != 0) {
                members = members.plus((Totals) row[1]);
            }
        }
        return new Summary(all, members);
    }

    @Override
    public List<StoreDay> byStoreAndDay(Filter filter) {
        return query("SELECT store_id, day, " + TOTALS + " FROM sales_store_days WHERE " + where(filter)
                + " GROUP BY store_id, day ORDER BY store_id, day", filter,
                rs -> new StoreDay(rs.getString(1), LocalDate.ofEpochDay(rs.getLong(2)), totals(rs, 3)));
    }

    @Override
    public List<HourCell> byHour(Filter filter) {
        return query("SELECT day, hour, SUM(baskets), SUM(net) - SUM(refunded) FROM "
                + table(filter, "sales_fact_baskets", "sales_chain_baskets") + " WHERE " + where(filter)
                + " GROUP BY day, hour ORDER BY day, hour", filter,
                rs -> new HourCell(LocalDate.ofEpochDay(rs.getLong(1)), rs.getInt(2), rs.getLong(3), rs.getLong(4)));
    }

    @Override
    public List<Item> items(Filter filter) {
        return query("SELECT s.sku, p.name_zh, p.name_en, s.category, s.q, s.g, s.d, s.n, s.rq, s.r FROM ("
                + byProduct(filter)
                + ") s LEFT JOIN sales_fact_products p ON p.sku = s.sku ORDER BY s.sku", filter, JdbcSalesFacts::item);
    }

    @Override
    public List<Item> best(Filter filter, int limit) {
        List<Object> args = args(filter);
        args.add(limit);
        // ranked and cut before the names are joined: a chain's month sells tens of thousands of products
        return query("SELECT s.sku, p.name_zh, p.name_en, s.category, s.q, s.g, s.d, s.n, s.rq, s.r FROM ("
                + byProduct(filter)
                + " ORDER BY SUM(net) - SUM(refunded) DESC, sku LIMIT ?"
                + ") s LEFT JOIN sales_fact_products p ON p.sku = s.sku ORDER BY s.n - s.r DESC, s.sku", args, JdbcSalesFacts::item);
    }

    @Override
    public Map<String, Long> netQtyAt(String store, Collection<String> skus, LocalDate from, LocalDate to) {
        Map<String, Long> sold = new HashMap<>();
        List<String> all = List.copyOf(skus);
        for (int at = 0; at < all.size(); at += SqlSession.IN_CHUNK) {
            List<String> chunk = all.subList(at, Math.min(all.size(), at + SqlSession.IN_CHUNK));
            db.read(h -> h.createQuery("""
                            SELECT sku, SUM(qty_milli) - SUM(refund_qty_milli) FROM sales_fact_items
                            WHERE store_id = :store AND sku IN (<skus>) AND day BETWEEN :from AND :to GROUP BY sku""")
                    .bind("store", store)
                    .bindList("skus", chunk)
                    .bind("from", from.toEpochDay())
                    .bind("to", to.toEpochDay())
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .list()).forEach(e -> sold.put(e.getKey(), e.getValue()));
        }
        return sold;
    }

    @Override
    public List<Item> slowest(Filter filter, int limit) {
        // The least among the products sold in the period, and the first products the period did not sell at all, in
        // SKU order: the slowest are among these two short lists, so the catalog (300,000 products) is never sorted.
        List<Object> args = args(filter);
        args.add(limit);
        List<Item> candidates = new ArrayList<>(query("SELECT p.sku, p.name_zh, p.name_en, p.category, s.q, s.g, s.d, s.n, s.rq, s.r FROM ("
                + byProduct(filter) + ") s JOIN sales_fact_products p ON p.sku = s.sku ORDER BY s.q - s.rq, s.n - s.r, p.sku LIMIT ?",
                args, JdbcSalesFacts::item));
        candidates.addAll(query("SELECT p.sku, p.name_zh, p.name_en, p.category, 0, 0, 0, 0, 0, 0 FROM sales_fact_products p "
                + "WHERE p.sku NOT IN (SELECT sku FROM " + itemRows(filter) + " WHERE " + where(filter) + ") ORDER BY p.sku LIMIT ?",
                args, JdbcSalesFacts::item));
        return candidates.stream().sorted(Comparator.comparingLong(Item::netQtyMilli).thenComparingLong(Item::net)
                .thenComparing(Item::sku)).limit(limit).toList();
    }

    @Override
    public List<Category> categories(Filter filter) {
        return query("SELECT category, SUM(qty_milli) - SUM(refund_qty_milli), SUM(net), SUM(refunded) FROM "
                + table(filter, "sales_fact_items", "sales_chain_categories") + " WHERE " + where(filter) + " GROUP BY category ORDER BY category", filter,
                rs -> new Category(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    }

    @Override
    public List<TenderMix> tenders(Filter filter) {
        return query("SELECT method, SUM(paid_count), SUM(paid), SUM(refund_count), SUM(refunded) FROM "
                + table(filter, "sales_fact_tenders", "sales_chain_tenders") + " WHERE " + where(filter) + " GROUP BY method ORDER BY method", filter,
                rs -> new TenderMix(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
    }

    @Override
    public List<PromotionCost> promotions(Filter filter) {
        return query("SELECT code, MAX(name), SUM(applied), SUM(amount) FROM "
                + table(filter, "sales_fact_promotions", "sales_chain_promotions") + " WHERE " + where(filter)
                + " GROUP BY code ORDER BY code", filter,
                rs -> new PromotionCost(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
    }

    @Override
    public long refundedOf(String saleId) {
        return db.read(h -> h.createQuery("SELECT COALESCE(SUM(total), 0) FROM sales_fact_refunds WHERE sale_id = :id")
                .bind("id", saleId).mapTo(Long.class).one());
    }

    /** The store's own rows, or the chain's rollup of them. */
    private static String table(Filter filter, String store, String chain) {
        return filter.store().isPresent() ? store : chain;
    }

    /** Each product's sums over the filter's rows, one row a SKU, with the greatest category it was sold under. */
    private static String byProduct(Filter filter) {
        return "SELECT sku, MAX(category) AS category, SUM(qty_milli) AS q, SUM(gross) AS g, SUM(discount) AS d, SUM(net) AS n, "
                + "SUM(refund_qty_milli) AS rq, SUM(refunded) AS r FROM " + itemRows(filter) + " WHERE " + where(filter) + " GROUP BY sku";
    }

    private static String itemRows(Filter filter) {
        return table(filter, "sales_fact_items", "sales_chain_items");
    }

    private static String where(Filter filter) {
        return filter.store().isPresent() ? "store_id = ? AND day BETWEEN ? AND ?" : "day BETWEEN ? AND ?";
    }

    private static List<Object> args(Filter filter) {
        List<Object> args = new ArrayList<>();
        filter.store().ifPresent(args::add);
        args.add(filter.from().toEpochDay());
        args.add(filter.to().toEpochDay());
        return args;
    }

    @FunctionalInterface
    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Filter filter, Row<T> row) {
        return query(sql, args(filter), row);
    }

    private <T> List<T> query(String sql, List<Object> args, Row<T> row) {
        return db.read(h -> {
            Query query = h.createQuery(sql);
            for (int i = 0; i < args.size(); i++) {
                query.bind(i, args.get(i));
            }
            return query.map((rs, ctx) -> row.map(rs)).list();
        });
    }

    private static Totals totals(ResultSet rs, int first) throws SQLException {
        return new Totals(rs.getLong(first), rs.getLong(first + 1), rs.getLong(first + 2), rs.getLong(first + 3),
                rs.getLong(first + 4), rs.getLong(first + 5), rs.getLong(first + 6));
    }

    private static Item item(ResultSet rs) throws SQLException {
        String zh = rs.getString(2);
        String en = rs.getString(3);
        return new Item(rs.getString(1), zh == null ? "" : zh, en == null ? "" : en, rs.getString(4), rs.getLong(5), rs.getLong(6),
                rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10));
    }
}
