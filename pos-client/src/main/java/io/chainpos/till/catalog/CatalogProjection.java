package io.chainpos.till.catalog;

import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.HeadOfficeEvent;
import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.event.PriceListPublished;
import io.chainpos.model.event.PromotionsPublished;
import io.chainpos.model.event.TierRulesPublished;
import io.chainpos.model.json.EventCodec;
import io.chainpos.till.ledger.Projection;
import io.chainpos.till.ledger.TillIdentity;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Catalog, prices and rule sets as this till applies them. Every version is kept with the moment it takes
 * effect; reads pick the newest in effect, so arrival order and early publication do not matter. Catalog
 * items come from head office (source HQ) or from this store's own tills (source STORE: an owner's CSV
 * import); another store's items are not this store's business and are ignored.
 */
public final class CatalogProjection implements Projection {
    static final String HEAD_OFFICE = "HQ";
    /** Counts changes to the catalog's items, so the name search knows when to read the names again. */
    static final String GENERATION = "catalog.generation";

    private final EventCodec codec;

    public CatalogProjection(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public void apply(Handle h, TillIdentity self, EventEnvelope event) {
        switch (event.payload()) {
            case CatalogItemUpserted item -> {
                String store = event.storeId().value();
                if (store.equals(HEAD_OFFICE)) {
                    upsert(h, item, "HQ");
                } else if (store.equals(self.storeId().value())) {
                    upsert(h, item, "STORE");
                }
            }
            case PriceListPublished prices -> {
                h.createUpdate("INSERT OR IGNORE INTO price_lists (version, effective_from) VALUES (:v, :from)")
                        .bind("v", prices.version()).bind("from", prices.effectiveFrom().toEpochMilli()).execute();
                prices.entries().forEach(entry -> h.createUpdate("INSERT OR IGNORE INTO price_entries (sku, version, "
                                + "effective_from, price, member_price) VALUES (:sku, :v, :from, :price, :member)")
                        .bind("sku", entry.sku().value())
                        .bind("v", prices.version())
                        .bind("from", prices.effectiveFrom().toEpochMilli())
                        .bind("price", entry.price())
                        .bind("member", entry.memberPrice())
                        .execute());
            }
            case PromotionsPublished rules -> keepRules(h, CatalogStore.PROMOTIONS, rules);
            case TierRulesPublished rules -> keepRules(h, CatalogStore.TIERS, rules);
            case LoyaltyRulesPublished rules -> keepRules(h, CatalogStore.LOYALTY, rules);
            default -> {
            }
        }
    }

    @Override
    public void reset(Handle h) {
        h.execute("DELETE FROM catalog_items");
        nextGeneration(h);
        h.execute("DELETE FROM catalog_barcodes");
        h.execute("DELETE FROM price_entries");
        h.execute("DELETE FROM price_lists");
        h.execute("DELETE FROM rule_sets");
    }

    private static void upsert(Handle h, CatalogItemUpserted item, String source) {
        int inserted = h.createUpdate("INSERT OR IGNORE INTO catalog_items (sku, source, version, effective_from, name_zh, "
                        + "name_en, category, unit, price, member_price, tax_rate_bp, active, initials) VALUES (:sku, :source, :version, "
                        + ":from, :nameZh, :nameEn, :category, :unit, :price, :memberPrice, :tax, :active, :initials)")
                .bind("sku", item.sku().value())
                .bind("source", source)
                .bind("version", item.version())
                .bind("from", item.effectiveFrom().toEpochMilli())
                .bind("nameZh", item.nameZh())
                .bind("nameEn", item.nameEn())
                .bind("category", item.category())
                .bind("unit", item.unit().name())
                .bind("price", item.price())
                .bind("memberPrice", item.memberPrice())
                .bind("tax", item.taxRateBasisPoints())
                .bind("active", item.active())
                .bind("initials", PinyinInitials.of(item.nameZh()))
                .execute();
        if (inserted == 0) {
            return;
        }
        nextGeneration(h);
        for (String barcode : item.barcodes()) {
            h.createUpdate("INSERT OR IGNORE INTO catalog_barcodes (barcode, sku, source, version) "
                            + "VALUES (:barcode, :sku, :source, :version)")
                    .bind("barcode", barcode).bind("sku", item.sku().value()).bind("source", source)
                    .bind("version", item.version()).execute();
        }
    }

    /** Fills {@code initials} of the rows stored before the projection kept them (the schema step V1371). */
    public static void fillInitials(Handle h) {
        record Item(String sku, String source, long version, String nameZh) {
        }
        List<Item> items = h.createQuery("SELECT sku, source, version, name_zh FROM catalog_items WHERE initials = ''")
                .map((rs, ctx) -> new Item(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
                .list();
        for (Item item : items) {
            h.createUpdate("UPDATE catalog_items SET initials = :initials WHERE sku = :sku AND source = :source "
                            + "AND version = :version")
                    .bind("initials", PinyinInitials.of(item.nameZh())).bind("sku", item.sku())
                    .bind("source", item.source()).bind("version", item.version()).execute();
        }
        nextGeneration(h);
    }

    private static void nextGeneration(Handle h) {
        h.createUpdate("INSERT INTO till_state (name, value) VALUES (:name, 1) "
                + "ON CONFLICT (name) DO UPDATE SET value = value + 1").bind("name", GENERATION).execute();
    }

    private void keepRules(Handle h, String kind, HeadOfficeEvent rules) {
        h.createUpdate("INSERT OR IGNORE INTO rule_sets (kind, version, effective_from, payload) VALUES "
                        + "(:kind, :version, :from, :payload)")
                .bind("kind", kind)
                .bind("version", rules.version())
                .bind("from", rules.effectiveFrom().toEpochMilli())
                .bind("payload", codec.write(rules))
                .execute();
    }
}
