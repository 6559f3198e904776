package io.chainpos.server.catalog;

import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.id.Sku;
import java.time.Instant;
import java.util.List;

/** A product as an admin or a CSV row gave it, every value checked: what one {@link CatalogItemUpserted} will say. */
public record ProductDraft(String sku, List<String> barcodes, String nameZh, String nameEn, String category,
                           CatalogItemUpserted.Unit unit, long price, Long memberPrice, int taxRateBasisPoints, boolean active) {
    public ProductDraft {
        barcodes = List.copyOf(barcodes);
    }

    CatalogItemUpserted event(long version, Instant effectiveFrom) {
        return new CatalogItemUpserted(version, effectiveFrom, Sku.of(sku), barcodes, nameZh, nameEn.isEmpty() ? null : nameEn,
                category, unit, price, memberPrice, taxRateBasisPoints, active);
    }
}
