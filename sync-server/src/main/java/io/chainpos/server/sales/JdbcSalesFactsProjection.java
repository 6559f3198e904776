package io.chainpos.server.sales;

import io.chainpos.model.event.AppliedPromotion;
import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.RefundLine;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.SaleRefunded;
import io.chainpos.model.event.Tender;
import io.chainpos.model.sale.Tendering;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.SqlSession;
import io.chainpos.server.log.Projection;
import io.chainpos.server.web.Formats;
import io.chainpos.server.web.StoreZones;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sales facts head office's reports read, merged by the projector behind the pushes: per store and its local day (and
 * hour, for baskets), per product and category, cashier, member or not; tenders and promotions per day. A refund is
 * netted in the store and on the local day it happened, with the member flag (and cashier) of the sale it names.
 * A refund merged before its sale (another till pushed first) links to it all the same, but is netted as a
 * non-member's with no cashier: what the sale said was not known when it was netted.
 * Each sum is also rolled up for the chain (per day, without the store) and per store and day, in the same
 * transaction, so a report on the whole chain does not sum every store's rows.
 * A store's zone is the one head office set on the store's page when the event is merged; a rebuild files every
 * event again by the zones then set.
 */
public final class JdbcSalesFactsProjection implements Projection {
    private static final String ADD_SALES = """
            INSERT INTO sales_fact_sales (sale_id, store_id, day, member, cashier, total)
            VALUES %s ON CONFLICT (sale_id) DO NOTHING RETURNING sale_id""";
    private static final String SALES_OF = "SELECT sale_id, member, cashier FROM sales_fact_sales WHERE sale_id IN (%s)";
    private static final String ADD_REFUNDS = """
            INSERT INTO sales_fact_refunds (refund_id, sale_id, store_id, day, total) VALUES %s
            ON CONFLICT (refund_id) DO NOTHING RETURNING refund_id""";
    private static final String PRODUCT = """
            INSERT INTO sales_fact_products (sku, version, category, name_zh, name_en) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (sku) DO UPDATE SET version = excluded.version, category = excluded.category,
                name_zh = excluded.name_zh, name_en = excluded.name_en
            WHERE excluded.version >= sales_fact_products.version""";
    private static final String PRODUCTS = "SELECT sku, category, version FROM sales_fact_products WHERE sku IN (%s)";

    private final StoreZones zones;

    /** @param zones each store's zone; a store head office has not described keeps {@link Formats#DEFAULT_ZONE}'s days */
    public JdbcSalesFactsProjection(StoreZones zones) {
        this.zones = zones;
    }

    @Override
    public List<String> tables() {
        return List.of("sales_fact_items", "sales_fact_baskets", "sales_fact_tenders", "sales_fact_promotions",
                "sales_fact_sales", "sales_fact_refunds", "sales_fact_products", "sales_chain_baskets", "sales_store_days",
                "sales_chain_items", "sales_chain_categories", "sales_chain_tenders", "sales_chain_promotions");
    }

    /**
     * Set-wise: the call's sales and refunds claimed in a few multi-row inserts (only those new to the tables are
     * counted), the categories of its products and the sales its refunds name read in one look-up each, then every
     * event summed in log order in memory, as if merged one by one: a product's new category counts from the event
     * that published it, and a refund knows its sale only when the sale came before it in the log.
     */
    @Override
    public List<SyncException> apply(SqlSession sql, List<EventEnvelope> events, Instant now) {
        Batch batch = new Batch(sql);
        Map<String, Object[]> sales = new LinkedHashMap<>(); // sale id -> its sales_fact_sales row, first carrying event
        Map<String, Object[]> refunds = new LinkedHashMap<>();
        Set<String> skus = new HashSet<>();
        Set<String> refundedSales = new HashSet<>();
        for (EventEnvelope event : events) {
            switch (event.payload()) {
                case SaleCompleted sale -> {
                    String store = event.storeId().value();
                    sales.putIfAbsent(sale.saleId().toString(), new Object[] {sale.saleId().toString(), store,
                            batch.day(store, event.occurredAt()), sale.memberId() == null ? 0L : 1L,
                            sale.cashier() == null ? "" : sale.cashier(), sale.total()});
                    sale.lines().forEach(line -> skus.add(line.sku().value()));
                }
                case SaleRefunded refund -> {
                    String store = event.storeId().value();
                    String saleId = refund.originalSaleId() == null ? null : refund.originalSaleId().toString();
                    refunds.putIfAbsent(refund.refundId().toString(), new Object[] {refund.refundId().toString(), saleId, store,
                            batch.day(store, event.occurredAt()), refund.total()});
                    refund.lines().forEach(line -> skus.add(line.sku().value()));
                    if (saleId != null) {
                        refundedSales.add(saleId);
                    }
                }
                default -> {
                }
            }
        }
        if (sales.isEmpty() && refunds.isEmpty() && skus.isEmpty()
                && events.stream().noneMatch(e -> e.payload() instanceof CatalogItemUpserted)) {
            return List.of();
        }
        // What earlier calls stored, read before this call's rows are claimed.
        sql.forEachIn(PRODUCTS, List.copyOf(skus), rs -> batch.products.put(rs.getString(1), new Product(rs.getString(2), rs.getLong(3))));
        sql.forEachIn(SALES_OF, List.copyOf(refundedSales), rs -> batch.sold.put(rs.getString(1), new Sold(rs.getLong(2), rs.getString(3))));
        Set<String> newSales = new HashSet<>();
        Set<String> newRefunds = new HashSet<>();
        if (!sales.isEmpty()) {
            sql.insertReturning(ADD_SALES, "(?, ?, ?, ?, ?, ?)", List.copyOf(sales.values()), rs -> newSales.add(rs.getString(1)));
        }
        if (!refunds.isEmpty()) {
            sql.insertReturning(ADD_REFUNDS, "(?, ?, ?, ?, ?)", List.copyOf(refunds.values()), rs -> newRefunds.add(rs.getString(1)));
        }
        // sku -> its newest version published in this call: one upsert a product (a batched upsert may become one
        // multi-row statement, which may not touch a row twice)
        Map<String, Object[]> published = new LinkedHashMap<>();
        for (EventEnvelope event : events) {
            switch (event.payload()) {
                case CatalogItemUpserted item -> {
                    published.merge(item.sku().value(), new Object[] {item.sku().value(), item.version(), item.category(), item.nameZh(),
                            item.nameEn()}, (before, after) -> (long) after[1] >= (long) before[1] ? after : before);
                    batch.published(item);
                }
                case SaleCompleted sale when newSales.remove(sale.saleId().toString()) -> batch.sale(event, sale);
                case SaleRefunded refund when newRefunds.remove(refund.refundId().toString()) -> batch.refund(event, refund);
                default -> {
                }
            }
        }
        sql.batch(PRODUCT, List.copyOf(published.values()));
        batch.flush();
        return List.of();
    }

    /** A product's category as merged so far, and the catalog version it came from. */
    private record Product(String category, long version) {
    }

    /** What a refund needs of its sale: member or not, and the cashier. */
    private record Sold(long member, String cashier) {
    }

    /** One call's sums and look-ups: zones and categories are read once per call. */
    private final class Batch {
        private final SqlSession sql;
        private final Map<String, ZoneId> zoneOf = new HashMap<>();
        private final Map<String, Product> products = new HashMap<>();
        private final Map<String, Sold> sold = new HashMap<>();
        private final JdbcFactSums items = new JdbcFactSums("sales_fact_items", List.of("store_id", "day", "sku", "category", "member"),
                List.of("lines", "qty_milli", "gross", "discount", "net", "refund_qty_milli", "refunded"));
        private final JdbcFactSums baskets = new JdbcFactSums("sales_fact_baskets", List.of("store_id", "day", "hour", "cashier", "member"),
                List.of("baskets", "items_milli", "gross", "discount", "net", "refunds", "refunded"));
        private final JdbcFactSums tenders = new JdbcFactSums("sales_fact_tenders", List.of("store_id", "day", "method"),
                List.of("paid_count", "paid", "refund_count", "refunded"));
        private final JdbcFactSums promotions = new JdbcFactSums("sales_fact_promotions", List.of("store_id", "day", "code"),
                List.of("name"), List.of("applied", "amount"));
        // The chain's rollups of the same sums (V190), for head office's reports on the whole chain.
        private final JdbcFactSums chainBaskets = new JdbcFactSums("sales_chain_baskets", List.of("day", "hour", "member"),
                List.of("baskets", "items_milli", "gross", "discount", "net", "refunds", "refunded"));
        private final JdbcFactSums storeDays = new JdbcFactSums("sales_store_days", List.of("store_id", "day"),
                List.of("baskets", "items_milli", "gross", "discount", "net", "refunds", "refunded"));
        private final JdbcFactSums chainItems = new JdbcFactSums("sales_chain_items", List.of("day", "sku", "category"),
                List.of("lines", "qty_milli", "gross", "discount", "net", "refund_qty_milli", "refunded"));
        private final JdbcFactSums chainCategories = new JdbcFactSums("sales_chain_categories", List.of("day", "category"),
                List.of("lines", "qty_milli", "gross", "discount", "net", "refund_qty_milli", "refunded"));
        private final JdbcFactSums chainTenders = new JdbcFactSums("sales_chain_tenders", List.of("day", "method"),
                List.of("paid_count", "paid", "refund_count", "refunded"));
        private final JdbcFactSums chainPromotions = new JdbcFactSums("sales_chain_promotions", List.of("day", "code"),
                List.of("name"), List.of("applied", "amount"));

        Batch(SqlSession sql) {
            this.sql = sql;
        }

        void sale(EventEnvelope event, SaleCompleted sale) {
            String store = event.storeId().value();
            ZonedDateTime local = local(store, event.occurredAt());
            long day = local.toLocalDate().toEpochDay();
            long member = sale.memberId() == null ? 0 : 1;
            String cashier = sale.cashier() == null ? "" : sale.cashier();
            sold.put(sale.saleId().toString(), new Sold(member, cashier));
            long itemsMilli = 0;
            for (SaleLine line : sale.lines()) {
                itemsMilli += line.qtyMilli();
                item(store, day, line.sku().value(), member, 1, line.qtyMilli(), line.total() + line.discount(), line.discount(),
                        line.total(), 0, 0);
                line.promotions().forEach(p -> promotion(store, day, p));
            }
            sale.promotionsApplied().forEach(p -> promotion(store, day, p));
            basket(store, day, local.getHour(), cashier, member, 1, itemsMilli, sale.subtotal(), sale.discountTotal(), sale.total(), 0, 0);
            long[] kept = Tendering.kept(sale.tenders(), sale.change());
            for (int i = 0; i < kept.length; i++) {
                tender(store, day, sale.tenders().get(i).method().name(), 1, kept[i], 0, 0);
            }
        }

        void refund(EventEnvelope event, SaleRefunded refund) {
            String store = event.storeId().value();
            ZonedDateTime local = local(store, event.occurredAt());
            long day = local.toLocalDate().toEpochDay();
            Sold of = refund.originalSaleId() == null ? null : sold.get(refund.originalSaleId().toString());
            long member = of == null ? 0 : of.member();
            String cashier = of == null ? "" : of.cashier();
            for (RefundLine line : refund.lines()) {
                item(store, day, line.sku().value(), member, 0, 0, 0, 0, 0, line.qtyMilli(), line.amount());
            }
            basket(store, day, local.getHour(), cashier, member, 0, 0, 0, 0, 0, 1, refund.total());
            for (Tender tender : refund.tenders()) {
                tender(store, day, tender.method().name(), 0, 0, 1, tender.amount());
            }
        }

        /** A product published: its category counts from here on, unless an older version arrived late. */
        void published(CatalogItemUpserted item) {
            products.merge(item.sku().value(), new Product(item.category(), item.version()),
                    (stored, published) -> published.version() >= stored.version() ? published : stored);
        }

        long day(String store, Instant at) {
            return local(store, at).toLocalDate().toEpochDay();
        }

        /** A product's line in the store's rows and the chain's. */
        private void item(String store, long day, String sku, long member, long... sums) {
            String category = category(sku);
            items.add(List.of(store, day, sku, category, member), sums);
            chainItems.add(List.of(day, sku, category), sums);
            chainCategories.add(List.of(day, category), sums);
        }

        private void basket(String store, long day, long hour, String cashier, long member, long... sums) {
            baskets.add(List.of(store, day, hour, cashier, member), sums);
            chainBaskets.add(List.of(day, hour, member), sums);
            storeDays.add(List.of(store, day), sums);
        }

        private void tender(String store, long day, String method, long... sums) {
            tenders.add(List.of(store, day, method), sums);
            chainTenders.add(List.of(day, method), sums);
        }

        private void promotion(String store, long day, AppliedPromotion promotion) {
            promotions.add(List.of(store, day, promotion.code()), List.of(promotion.name()), 1, promotion.amount());
            chainPromotions.add(List.of(day, promotion.code()), List.of(promotion.name()), 1, promotion.amount());
        }

        private ZonedDateTime local(String store, Instant at) {
            return at.atZone(zoneOf.computeIfAbsent(store, s -> zones.zoneOf(s).orElse(Formats.DEFAULT_ZONE)));
        }

        private String category(String sku) {
            Product product = products.get(sku);
            return product == null ? "" : product.category();
        }

        void flush() {
            items.flush(sql);
            baskets.flush(sql);
            tenders.flush(sql);
            promotions.flush(sql);
            for (JdbcFactSums chain : List.of(chainBaskets, storeDays, chainItems, chainCategories, chainTenders, chainPromotions)) {
                chain.flush(sql);
            }
        }
    }
}
