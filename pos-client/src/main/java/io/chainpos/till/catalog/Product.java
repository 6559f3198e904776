package io.chainpos.till.catalog;

import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.id.Sku;

/**
 * A product as this till sells it at a given moment: the catalog version in effect and the newest price in
 * effect (minor units), tax in basis points. {@code priceListVersion} is the head-office price list the
 * price came from, 0 for the catalog item's own price; {@code fromHeadOffice} is false for a store's own item.
 */
public record Product(
        Sku sku,
        String nameZh,
        String nameEn,
        String category,
        CatalogItemUpserted.Unit unit,
        long price,
        Long memberPrice,
        int taxRateBasisPoints,
        long priceVersion,
        long version,
        boolean fromHeadOffice) {

    public boolean weighed() {
        return unit == CatalogItemUpserted.Unit.WEIGHT;
    }
}
