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
    /** Slow-seller candidates read per place asked for: room for products sold but unknown to the catalog. */
    private static final int SLOW_CANDIDATES = 3;
    /** A chain's period up to this many days is read day by day through the rollup's key. */
    private static final int MAX_LISTED_DAYS = 400;

    private final ReportReads db;
    private final int slowCandidatesPerPlace;

    public JdbcSalesFacts(ReportReads db) {
        this(db, SLOW_CANDIDATES);
    }

    /** With {@code slowCandidates} read per slowest place (a test leaves no room, to take the way round). */
    JdbcSalesFacts(ReportReads db, int slowCandidates) {
        this.db = db;
        this.slowCandidatesPerPlace = slowCandidates;
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

    /**
     * A chain's week sells most of a large catalog (177,000 of 300,000 products at the goal's size), so the period's rows
     * are summed once, to the two figures the rankings order by, and only the SKUs they rank are read again in full.
     * The products not sold at all are the first of the catalog, in SKU order, for which the period has no row: a few
     * index probes each, not a list of everything sold.
     */
    @Override
    public Ranking ranking(Filter filter, int limit) {
        int slowCandidates = limit * slowCandidatesPerPlace;
        List<Object> args = args(filter);
        args.add(limit);
        args.add(slowCandidates);
        List<String> bestSkus = new ArrayList<>();
        List<String> slowSkus = new ArrayList<>();
        query("WITH g AS MATERIALIZED (SELECT sku, SUM(qty_milli - refund_qty_milli) AS q, SUM(net - refunded) AS v FROM "
                        + itemRows(filter) + " WHERE " + where(filter) + " GROUP BY sku) "
                        + "SELECT 1, sku FROM (SELECT sku FROM g ORDER BY v DESC, sku LIMIT ?) b "
                        + "UNION ALL SELECT 2, sku FROM (SELECT sku FROM g ORDER BY q, v, sku LIMIT ?) s",
                args, rs -> (rs.getInt(1) == 1 ? bestSkus : slowSkus).add(rs.getString(2)));
        Map<String, Sold> sold = soldOf(filter, bestSkus, slowSkus);
        List<Item> best = bestSkus.stream().map(sku -> sold.get(sku).item())
                .sorted(Comparator.comparingLong(Item::net).reversed().thenComparing(Item::sku)).toList();
        // A product sold but unknown to the catalog is not one of its slowest: the candidates are cut after those are left out.
        List<Item> slowSold = slowSkus.stream().map(sold::get).filter(Sold::described).map(Sold::inCatalog).limit(limit).toList();
        if (slowSold.size() < limit && slowSkus.size() == slowCandidates) {
            slowSold = slowSoldInCatalog(filter, limit); // more of the least sold unknown to the catalog than candidates read
        }
        List<Item> slowest = new ArrayList<>(slowSold);
        slowest.addAll(unsold(filter, limit));
        slowest.sort(Comparator.comparingLong(Item::netQtyMilli).thenComparingLong(Item::net).thenComparing(Item::sku));
        return new Ranking(best, List.copyOf(slowest.subList(0, Math.min(limit, slowest.size()))));
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

    /** A ranked product's sums over the period, and the category the catalog gives it (null: the catalog does not describe it). */
    private record Sold(Item item, String catalogCategory) {
        boolean described() {
            return catalogCategory != null;
        }

        /** As the slowest list shows it: under the catalog's category, like the products not sold. */
        Item inCatalog() {
            return new Item(item.sku(), item.nameZh(), item.nameEn(), catalogCategory, item.qtyMilli(), item.gross(), item.discount(),
                    item.sold(), item.refundQtyMilli(), item.refunded());
        }
    }

    /** SQL and its arguments, in order. */
    private record Clause(String sql, List<Object> args) {
    }

    /** The full sums of the given SKUs over the period, read through an index; names and categories from the catalog. */
    private Map<String, Sold> soldOf(Filter filter, List<String> first, List<String> second) {
        java.util.Set<String> skus = new java.util.LinkedHashSet<>(first);
        skus.addAll(second);
        if (skus.isEmpty()) {
            return Map.of();
        }
        Clause rows = rowsOf(filter, List.copyOf(skus));
        Map<String, Sold> sold = new HashMap<>();
        query("SELECT s.sku, p.name_zh, p.name_en, s.category, s.q, s.g, s.d, s.n, s.rq, s.r, p.category FROM ("
                + "SELECT sku, MAX(category) AS category, SUM(qty_milli) AS q, SUM(gross) AS g, SUM(discount) AS d, SUM(net) AS n, "
                + "SUM(refund_qty_milli) AS rq, SUM(refunded) AS r FROM " + itemRows(filter) + " WHERE " + rows.sql() + " GROUP BY sku"
                + ") s LEFT JOIN sales_fact_products p ON p.sku = s.sku", rows.args(),
                rs -> sold.put(rs.getString(1), new Sold(item(rs), rs.getString(11))));
        return sold;
    }

    /** The filter's rows of {@code skus}: a store's through its index by product, the chain's day by day through its key. */
    private static Clause rowsOf(Filter filter, List<String> skus) {
        Clause period = period(filter, "");
        List<Object> args = new ArrayList<>(period.args());
        args.addAll(skus);
        return new Clause(period.sql() + " AND sku IN (" + marks(skus.size()) + ")", args);
    }

    /**
     * The filter's store and days on rows named {@code alias}: a store's period as a range (its index by product leads
     * with the store and the SKU), the chain's as a list of days ({@link #days}).
     */
    private static Clause period(Filter filter, String alias) {
        if (filter.store().isPresent()) {
            return new Clause(alias + "store_id = ? AND " + alias + "day BETWEEN ? AND ?",
                    List.of(filter.store().get(), filter.from().toEpochDay(), filter.to().toEpochDay()));
        }
        return days(filter, alias + "day");
    }

    /** The chain's days of the period as a list (one probe of the key each), or as a range when the period is very long. */
    private static Clause days(Filter filter, String column) {
        long from = filter.from().toEpochDay();
        long to = filter.to().toEpochDay();
        if (to - from >= MAX_LISTED_DAYS) {
            return new Clause(column + " BETWEEN ? AND ?", List.of(from, to));
        }
        List<Object> days = new ArrayList<>();
        for (long day = from; day <= to; day++) {
            days.add(day);
        }
        return new Clause(column + " IN (" + marks(days.size()) + ")", days);
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** The first {@code limit} products of the catalog, in SKU order, that the period did not sell at all. */
    private List<Item> unsold(Filter filter, int limit) {
        Clause period = period(filter, "i.");
        List<Object> args = new ArrayList<>(period.args());
        args.add(limit);
        return query("SELECT p.sku, p.name_zh, p.name_en, p.category, 0, 0, 0, 0, 0, 0 FROM sales_fact_products p "
                + "WHERE NOT EXISTS (SELECT 1 FROM " + itemRows(filter) + " i WHERE " + period.sql() + " AND i.sku = p.sku) "
                + "ORDER BY p.sku LIMIT ?", args, JdbcSalesFacts::item);
    }

    /** The least sold of the products the catalog describes, summing every product of the period: rarely needed (see ranking). */
    private List<Item> slowSoldInCatalog(Filter filter, int limit) {
        List<Object> args = args(filter);
        args.add(limit);
        return query("SELECT p.sku, p.name_zh, p.name_en, p.category, s.q, s.g, s.d, s.n, s.rq, s.r FROM ("
                + byProduct(filter) + ") s JOIN sales_fact_products p ON p.sku = s.sku ORDER BY s.q - s.rq, s.n - s.r, p.sku LIMIT ?",
                args, JdbcSalesFacts::item);
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
