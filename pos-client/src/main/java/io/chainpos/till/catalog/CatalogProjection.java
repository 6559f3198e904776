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
import org.jdbi.v3.core.Handle;

/**
 * Head office's catalog, prices and rule sets as this till applies them: a newer version replaces an older
 * one, whatever order they arrive in.
 */
public final class CatalogProjection implements Projection {
    private final EventCodec codec;

    public CatalogProjection(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public void apply(Handle h, TillIdentity self, EventEnvelope event) {
        switch (event.payload()) {
            case CatalogItemUpserted item -> upsert(h, item);
            case PriceListPublished prices -> prices.entries().forEach(entry -> h.createUpdate(
                            "UPDATE products SET price = :price, member_price = :memberPrice, price_version = :version "
                                    + "WHERE sku = :sku AND price_version < :version")
                    .bind("price", entry.price())
                    .bind("memberPrice", entry.memberPrice())
                    .bind("version", prices.version())
                    .bind("sku", entry.sku().value())
                    .execute());
            case PromotionsPublished rules -> keepRules(h, "promotions", rules);
            case TierRulesPublished rules -> keepRules(h, "tiers", rules);
            case LoyaltyRulesPublished rules -> keepRules(h, "loyalty", rules);
            default -> {
            }
        }
    }

    @Override
    public void reset(Handle h) {
        h.execute("DELETE FROM products");
        h.execute("DELETE FROM barcodes");
        h.execute("DELETE FROM head_office_rules");
    }

    private static void upsert(Handle h, CatalogItemUpserted item) {
        int changed = h.createUpdate("INSERT INTO products (sku, name_zh, name_en, category, unit, price, member_price, "
                        + "tax_rate_bp, active, version, price_version) VALUES (:sku, :nameZh, :nameEn, :category, :unit, "
                        + ":price, :memberPrice, :tax, :active, :version, :version) ON CONFLICT (sku) DO UPDATE SET "
                        + "name_zh = :nameZh, name_en = :nameEn, category = :category, unit = :unit, price = :price, "
                        + "member_price = :memberPrice, tax_rate_bp = :tax, active = :active, version = :version, "
                        + "price_version = MAX(price_version, :version) WHERE products.version < :version")
                .bind("sku", item.sku().value())
                .bind("nameZh", item.nameZh())
                .bind("nameEn", item.nameEn())
                .bind("category", item.category())
                .bind("unit", item.unit().name())
                .bind("price", item.price())
                .bind("memberPrice", item.memberPrice())
                .bind("tax", item.taxRateBasisPoints())
                .bind("active", item.active())
                .bind("version", item.version())
                .execute();
        if (changed == 0) {
            return;
        }
        h.createUpdate("DELETE FROM barcodes WHERE sku = :sku").bind("sku", item.sku().value()).execute();
        for (String barcode : item.barcodes()) {
            h.createUpdate("INSERT INTO barcodes (barcode, sku) VALUES (:barcode, :sku) "
                            + "ON CONFLICT (barcode) DO UPDATE SET sku = :sku")
                    .bind("barcode", barcode).bind("sku", item.sku().value()).execute();
        }
    }

    private void keepRules(Handle h, String kind, HeadOfficeEvent rules) {
        h.createUpdate("INSERT INTO head_office_rules (kind, version, effective_from, payload) VALUES "
                        + "(:kind, :version, :from, :payload) ON CONFLICT (kind) DO UPDATE SET version = :version, "
                        + "effective_from = :from, payload = :payload WHERE head_office_rules.version < :version")
                .bind("kind", kind)
                .bind("version", rules.version())
                .bind("from", rules.effectiveFrom().toString())
                .bind("payload", codec.write(rules))
                .execute();
    }
}
