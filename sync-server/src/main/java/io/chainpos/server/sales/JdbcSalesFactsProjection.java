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
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    private static final String ADD_SALE = """
            INSERT INTO sales_fact_sales (sale_id, store_id, day, member, cashier, total)
            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sale_id) DO NOTHING""";
    private static final String SALE = "SELECT member, cashier FROM sales_fact_sales WHERE sale_id = ?";
    private static final String ADD_REFUND = """
            INSERT INTO sales_fact_refunds (refund_id, sale_id, store_id, day, total) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (refund_id) DO NOTHING""";
    private static final String PRODUCT = """
            INSERT INTO sales_fact_products (sku, version, category, name_zh, name_en) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (sku) DO UPDATE SET version = excluded.version, category = excluded.category,
                name_zh = excluded.name_zh, name_en = excluded.name_en
            WHERE excluded.version >= sales_fact_products.version""";
    private static final String CATEGORY = "SELECT category FROM sales_fact_products WHERE sku = ?";

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

    @Override
    public List<SyncException> apply(SqlSession sql, List<EventEnvelope> events, Instant now) {
        Batch batch = new Batch(sql);
        for (EventEnvelope event : events) {
            switch (event.payload()) {
                case CatalogItemUpserted item -> {
                    sql.update(PRODUCT, item.sku().value(), item.version(), item.category(), item.nameZh(), item.nameEn());
                    batch.categories.remove(item.sku().value());
                }
                case SaleCompleted sale -> batch.sale(event, sale);
                case SaleRefunded refund -> batch.refund(event, refund);
                default -> {
                }
            }
        }
        batch.flush();
        return List.of();
    }

    /** One call's sums and look-ups: zones and categories are read once per call. */
    private final class Batch {
        private final SqlSession sql;
        private final Map<String, ZoneId> zoneOf = new HashMap<>();
        private final Map<String, String> categories = new HashMap<>();
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
            if (sql.update(ADD_SALE, sale.saleId().toString(), store, day, member, cashier, sale.total()) == 0) {
                return; // counted when it first came
            }
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
            String saleId = refund.originalSaleId() == null ? null : refund.originalSaleId().toString();
            if (sql.update(ADD_REFUND, refund.refundId().toString(), saleId, store, day, refund.total()) == 0) {
                return;
            }
            Optional<Object[]> sold = saleId == null ? Optional.empty()
                    : sql.first(SALE, rs -> new Object[] {rs.getLong(1), rs.getString(2)}, saleId);
            long member = sold.map(s -> (Long) s[0]).orElse(0L);
            String cashier = sold.map(s -> (String) s[1]).orElse("");
            for (RefundLine line : refund.lines()) {
                item(store, day, line.sku().value(), member, 0, 0, 0, 0, 0, line.qtyMilli(), line.amount());
            }
            basket(store, day, local.getHour(), cashier, member, 0, 0, 0, 0, 0, 1, refund.total());
            for (Tender tender : refund.tenders()) {
                tender(store, day, tender.method().name(), 0, 0, 1, tender.amount());
            }
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
            return categories.computeIfAbsent(sku, s -> sql.first(CATEGORY, rs -> rs.getString(1), s).orElse(""));
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
