package io.chainpos.server.catalog;

import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.PriceListPublished;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.SqlSession;
import io.chainpos.server.log.Projection;
import io.chainpos.server.merge.HeadOfficeTill;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Head office's catalog merged from its own events: each product's newest item version and barcodes, every
 * price change, and the newest price set for each product (as the tills choose it: a price change counts from
 * the item version it does not predate). A store's own imported products are that store's, not head office's.
 */
public final class JdbcCatalogProjection implements Projection {
    private static final String VERSION_OF = "SELECT version, revision FROM catalog_products WHERE sku = ?";
    private static final String UPSERT = """
            INSERT INTO catalog_products (sku, version, revision, effective_ms, name_zh, name_en, search_text, category, unit,
                item_price, item_member_price, price, member_price, price_from_ms, tax_rate_bp, active, barcodes, updated_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (sku) DO UPDATE SET version = excluded.version, revision = excluded.revision,
                effective_ms = excluded.effective_ms, name_zh = excluded.name_zh, name_en = excluded.name_en,
                search_text = excluded.search_text, category = excluded.category, unit = excluded.unit,
                item_price = excluded.item_price, item_member_price = excluded.item_member_price, price = excluded.price,
                member_price = excluded.member_price, price_from_ms = excluded.price_from_ms,
                tax_rate_bp = excluded.tax_rate_bp, active = excluded.active, barcodes = excluded.barcodes,
                updated_ms = excluded.updated_ms""";
    private static final String DROP_BARCODES = "DELETE FROM catalog_barcodes WHERE sku = ?";
    private static final String ADD_BARCODE = """
            INSERT INTO catalog_barcodes (barcode, sku) VALUES (?, ?)
            ON CONFLICT (barcode) DO UPDATE SET sku = excluded.sku""";
    private static final String ADD_CHANGE = """
            INSERT INTO catalog_price_changes (sku, list_version, effective_ms, price, member_price) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (sku, list_version) DO NOTHING""";
    /** The newest price change the item version in effect from {@code ?} does not predate. */
    private static final String NEWEST_CHANGE = """
            SELECT price, member_price, effective_ms FROM catalog_price_changes
            WHERE sku = ? AND effective_ms >= ? ORDER BY list_version DESC LIMIT 1""";
    private static final String ITEM_OF = "SELECT effective_ms, item_price, item_member_price FROM catalog_products WHERE sku = ?";
    private static final String SET_PRICE = """
            UPDATE catalog_products SET price = ?, member_price = ?, price_from_ms = ?, revision = revision + 1, updated_ms = ?
            WHERE sku = ?""";

    private record Price(long price, Long memberPrice, long fromMs) {
    }

    @Override
    public List<String> tables() {
        return List.of("catalog_products", "catalog_barcodes", "catalog_price_changes");
    }

    @Override
    public List<SyncException> apply(SqlSession sql, List<EventEnvelope> events, Instant now) {
        for (EventEnvelope event : events) {
            if (!event.tillId().equals(HeadOfficeTill.TILL)) {
                continue;
            }
            switch (event.payload()) {
                case CatalogItemUpserted item -> upsert(sql, item, event.occurredAt());
                case PriceListPublished prices -> prices.entries().forEach(entry -> {
                    sql.update(ADD_CHANGE, entry.sku().value(), prices.version(), prices.effectiveFrom().toEpochMilli(),
                            entry.price(), entry.memberPrice());
                    refreshPrice(sql, entry.sku().value(), event.occurredAt());
                });
                default -> {
                }
            }
        }
        return List.of();
    }

    private static void upsert(SqlSession sql, CatalogItemUpserted item, Instant at) {
        String sku = item.sku().value();
        Optional<long[]> known = sql.first(VERSION_OF, rs -> new long[] {rs.getLong(1), rs.getLong(2)}, sku);
        if (known.isPresent() && known.get()[0] >= item.version()) {
            return;
        }
        long from = item.effectiveFrom().toEpochMilli();
        Price price = newestChange(sql, sku, from).orElse(new Price(item.price(), item.memberPrice(), from));
        sql.update(UPSERT, sku, item.version(), known.map(k -> k[1] + 1).orElse(1L), from, item.nameZh(), item.nameEn(),
                searchText(sku, item.nameZh(), item.nameEn()), item.category(), item.unit().name(), item.price(),
                item.memberPrice(), price.price(), price.memberPrice(), price.fromMs(), item.taxRateBasisPoints(),
                item.active() ? 1 : 0, String.join(" ", item.barcodes()), at.toEpochMilli());
        sql.update(DROP_BARCODES, sku);
        item.barcodes().forEach(barcode -> sql.update(ADD_BARCODE, barcode, sku));
    }

    private static void refreshPrice(SqlSession sql, String sku, Instant at) {
        Optional<Price> item = sql.first(ITEM_OF, rs -> {
            long member = rs.getLong(3);
            return new Price(rs.getLong(2), rs.wasNull() ? null : member, rs.getLong(1));
        }, sku);
        if (item.isEmpty()) {
            return; // a price for a product head office has not published (yet): kept in the changes
        }
        Price price = newestChange(sql, sku, item.get().fromMs()).orElse(item.get());
        sql.update(SET_PRICE, price.price(), price.memberPrice(), price.fromMs(), at.toEpochMilli(), sku);
    }

    private static Optional<Price> newestChange(SqlSession sql, String sku, long itemFromMs) {
        return sql.first(NEWEST_CHANGE, rs -> {
            long member = rs.getLong(2);
            return new Price(rs.getLong(1), rs.wasNull() ? null : member, rs.getLong(3));
        }, sku, itemFromMs);
    }

    /** What a name search matches: the SKU and both names, lower case. */
    static String searchText(String sku, String nameZh, String nameEn) {
        return (sku + " " + nameZh + " " + nameEn).toLowerCase(Locale.ROOT);
    }
}
