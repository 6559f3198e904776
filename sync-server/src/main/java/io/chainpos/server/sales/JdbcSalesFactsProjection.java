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
 * The sales facts head office's reports read, merged in the push's transaction: per store and its local day (and
 * hour, for baskets), per product and category, cashier, member or not; tenders and promotions per day. A refund is
 * netted in the store and on the local day it happened, with the member flag (and cashier) of the sale it names.
 * A refund merged before its sale (another till pushed first) links to it all the same, but is netted as a
 * non-member's with no cashier: what the sale said was not known when it was netted.
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
                "sales_fact_sales", "sales_fact_refunds", "sales_fact_products");
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
                items.add(List.of(store, day, line.sku().value(), category(line.sku().value()), member),
                        1, line.qtyMilli(), line.total() + line.discount(), line.discount(), line.total(), 0, 0);
                line.promotions().forEach(p -> promotion(store, day, p));
            }
            sale.promotionsApplied().forEach(p -> promotion(store, day, p));
            baskets.add(List.of(store, day, (long) local.getHour(), cashier, member),
                    1, itemsMilli, sale.subtotal(), sale.discountTotal(), sale.total(), 0, 0);
            long[] kept = Tendering.kept(sale.tenders(), sale.change());
            for (int i = 0; i < kept.length; i++) {
                tenders.add(List.of(store, day, sale.tenders().get(i).method().name()), 1, kept[i], 0, 0);
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
                items.add(List.of(store, day, line.sku().value(), category(line.sku().value()), member),
                        0, 0, 0, 0, 0, line.qtyMilli(), line.amount());
            }
            baskets.add(List.of(store, day, (long) local.getHour(), cashier, member), 0, 0, 0, 0, 0, 1, refund.total());
            for (Tender tender : refund.tenders()) {
                tenders.add(List.of(store, day, tender.method().name()), 0, 0, 1, tender.amount());
            }
        }

        private void promotion(String store, long day, AppliedPromotion promotion) {
            promotions.add(List.of(store, day, promotion.code()), List.of(promotion.name()), 1, promotion.amount());
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
        }
    }
}
