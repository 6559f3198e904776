package io.chainpos.model.event;

import io.chainpos.model.id.Sku;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A product as head office defines it: barcodes, names in Chinese and English, category, unit, prices in
 * minor units and the tax rate in basis points (1300 = 13%). A later version of the same SKU replaces it.
 */
public record CatalogItemUpserted(
        long version,
        Instant effectiveFrom,
        Sku sku,
        List<String> barcodes,
        String nameZh,
        String nameEn,
        String category,
        Unit unit,
        long price,
        Long memberPrice,
        int taxRateBasisPoints,
        boolean active) implements HeadOfficeEvent {

    /** Sold by the piece, or by weight in grams (quantities in thousandths of a kilogram). */
    public enum Unit { PIECE, WEIGHT }

    public CatalogItemUpserted {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(unit, "unit");
        barcodes = barcodes == null ? List.of() : List.copyOf(barcodes);
        nameEn = nameEn == null ? nameZh : nameEn;
        category = category == null ? "" : category;
    }
}
