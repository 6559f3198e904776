package io.chainpos.server.catalog;

import io.chainpos.model.event.CatalogItemUpserted;
import java.time.Instant;
import java.util.List;

/**
 * A head-office product as last published: the item's newest version, and the newest price set for it (by the
 * item or by a later price change) with the moment it takes effect. {@code revision} counts every change to
 * it; an edit names the revision it started from.
 */
public record Product(
        String sku,
        long version,
        long revision,
        Instant effectiveFrom,
        String nameZh,
        String nameEn,
        String category,
        CatalogItemUpserted.Unit unit,
        long itemPrice,
        Long itemMemberPrice,
        long price,
        Long memberPrice,
        Instant priceFrom,
        int taxRateBasisPoints,
        boolean active,
        List<String> barcodes) {

    public Product {
        barcodes = List.copyOf(barcodes);
    }
}
