package io.chainpos.till.catalog;

import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.id.Sku;

/** A product as this till sells it now: prices in minor units, tax in basis points. */
public record Product(
        Sku sku,
        String nameZh,
        String nameEn,
        String category,
        CatalogItemUpserted.Unit unit,
        long price,
        Long memberPrice,
        int taxRateBasisPoints,
        long priceVersion) {
}
