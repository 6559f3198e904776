package io.chainpos.server.sales;

import io.chainpos.server.db.ReportReads;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.Query;

/** The co-purchase port over the table {@link JdbcMemberPurchasesProjection} writes (names from the sales facts' products). */
public final class JdbcCoPurchases implements CoPurchases {
    private final ReportReads db;

    public JdbcCoPurchases(ReportReads db) {
        this.db = db;
    }

    @Override
    public long members(SalesFacts.Filter filter) {
        return db.read(h -> bind(h.createQuery("SELECT COUNT(DISTINCT member_id) FROM member_purchases WHERE " + where(filter, "")),
                filter).mapTo(Long.class).one());
    }

    @Override
    public List<Bought> mostBought(SalesFacts.Filter filter, int limit) {
        return db.read(h -> bind(h.createQuery("""
                        SELECT b.sku, COALESCE(p.name_zh, ''), COALESCE(p.name_en, ''), b.members FROM (
                            SELECT sku, COUNT(DISTINCT member_id) AS members FROM member_purchases WHERE %s GROUP BY sku) b
                        LEFT JOIN sales_fact_products p ON p.sku = b.sku
                        ORDER BY b.members DESC, b.sku LIMIT %d""".formatted(where(filter, ""), limit)), filter)
                .map((rs, ctx) -> new Bought(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list());
    }

    @Override
    public Bought buyers(SalesFacts.Filter filter, String sku) {
        long members = db.read(h -> bind(h.createQuery("SELECT COUNT(DISTINCT member_id) FROM member_purchases WHERE sku = ? AND "
                + where(filter, "")), filter, sku).mapTo(Long.class).one());
        String[] names = db.read(h -> h.createQuery("SELECT name_zh, name_en FROM sales_fact_products WHERE sku = ?").bind(0, sku)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).findOne().orElse(new String[] {"", ""}));
        return new Bought(sku, names[0], names[1], members);
    }

    @Override
    public java.util.Set<String> buyersSince(String sku, long fromEpochDay) {
        return new java.util.HashSet<>(db.read(h -> h.createQuery("SELECT DISTINCT member_id FROM member_purchases WHERE sku = :sku AND day >= :from")
                .bind("sku", sku).bind("from", fromEpochDay).mapTo(String.class).list()));
    }

    @Override
    public List<Pair> alsoBought(SalesFacts.Filter filter, String sku, int limit) {
        List<Object[]> both = db.read(h -> {
            Query query = h.createQuery("""
                    SELECT y.sku, COUNT(DISTINCT y.member_id) AS both_count FROM member_purchases y
                    WHERE %s AND y.sku <> ? AND y.member_id IN (SELECT member_id FROM member_purchases WHERE sku = ? AND %s)
                    GROUP BY y.sku ORDER BY both_count DESC, y.sku LIMIT %d""".formatted(where(filter, "y."), where(filter, ""), limit));
            List<Object> args = new ArrayList<>(args(filter));
            args.add(sku);
            args.add(sku);
            args.addAll(args(filter));
            for (int i = 0; i < args.size(); i++) {
                query.bind(i, args.get(i));
            }
            return query.map((rs, ctx) -> new Object[] {rs.getString(1), rs.getLong(2)}).list();
        });
        if (both.isEmpty()) {
            return List.of();
        }
        List<String> skus = both.stream().map(row -> (String) row[0]).toList();
        Map<String, Object[]> buyers = new HashMap<>();
        db.read(h -> {
            Query query = h.createQuery("""
                    SELECT b.sku, COALESCE(p.name_zh, ''), COALESCE(p.name_en, ''), b.members FROM (
                        SELECT sku, COUNT(DISTINCT member_id) AS members FROM member_purchases WHERE %s AND sku IN (<skus>)
                        GROUP BY sku) b LEFT JOIN sales_fact_products p ON p.sku = b.sku""".formatted(named(filter, "", "f")));
            bindNamed(query, filter, "f");
            return query.bindList("skus", skus)
                    .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)}).list();
        }).forEach(row -> buyers.put((String) row[0], row));
        List<Pair> pairs = new ArrayList<>();
        for (Object[] row : both) {
            Object[] y = buyers.get((String) row[0]);
            pairs.add(new Pair((String) row[0], (String) y[1], (String) y[2], (Long) row[1], (Long) y[3]));
        }
        return pairs;
    }

    @Override
    public Map<String, Long> bothWith(SalesFacts.Filter filter, String sku, Collection<String> others) {
        Map<String, Long> both = new HashMap<>();
        if (others.isEmpty()) {
            return both;
        }
        db.read(h -> {
            Query query = h.createQuery("""
                    SELECT y.sku, COUNT(DISTINCT y.member_id) FROM member_purchases y
                    WHERE %s AND y.sku IN (<skus>) AND y.member_id IN (SELECT member_id FROM member_purchases WHERE sku = :x AND %s)
                    GROUP BY y.sku""".formatted(named(filter, "y.", "y"), named(filter, "", "x")));
            bindNamed(query, filter, "y");
            bindNamed(query, filter, "x");
            return query.bind("x", sku).bindList("skus", List.copyOf(others))
                    .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getLong(2)}).list();
        }).forEach(row -> both.put((String) row[0], (Long) row[1]));
        return both;
    }

    private static String where(SalesFacts.Filter filter, String alias) {
        return (filter.store().isPresent() ? alias + "store_id = ? AND " : "") + alias + "day BETWEEN ? AND ?";
    }

    private static String named(SalesFacts.Filter filter, String alias, String prefix) {
        return (filter.store().isPresent() ? alias + "store_id = :" + prefix + "Store AND " : "")
                + alias + "day BETWEEN :" + prefix + "From AND :" + prefix + "To";
    }

    private static void bindNamed(Query query, SalesFacts.Filter filter, String prefix) {
        filter.store().ifPresent(store -> query.bind(prefix + "Store", store));
        query.bind(prefix + "From", filter.from().toEpochDay()).bind(prefix + "To", filter.to().toEpochDay());
    }

    private static List<Object> args(SalesFacts.Filter filter) {
        List<Object> args = new ArrayList<>();
        filter.store().ifPresent(args::add);
        args.add(filter.from().toEpochDay());
        args.add(filter.to().toEpochDay());
        return args;
    }

    private static Query bind(Query query, SalesFacts.Filter filter, Object... before) {
        int i = 0;
        for (Object arg : before) {
            query.bind(i++, arg);
        }
        for (Object arg : args(filter)) {
            query.bind(i++, arg);
        }
        return query;
    }
}
