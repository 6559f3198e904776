package io.chainpos.server.catalog;

import io.chainpos.server.web.ListRequest;
import io.chainpos.server.web.ListSpec;
import io.chainpos.server.web.Slice;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Head office's catalog as its published events built it: products found by barcode, SKU or name, a page at a
 * time by key. Filters: {@code q} (a barcode or SKU exactly; else, from three characters, part of the SKU or a name
 * through a trigram index, and below three a SKU's beginning or part of a name) and {@code category}.
 */
public interface Catalog {
    ListSpec LIST = new ListSpec(List.of(
            new ListSpec.Column("sku", "p.sku", false),
            new ListSpec.Column("name", "p.name_zh", false),
            new ListSpec.Column("category", "p.category", false),
            new ListSpec.Column("price", "p.price", true)),
            new ListSpec.Column("sku", "p.sku", false), "sku", false, Set.of("q", "category"), 50);

    Slice<Product> list(ListRequest request);

    Optional<Product> find(String sku);

    /** The SKU that has this barcode, if any. */
    Optional<String> skuOfBarcode(String barcode);

    /** Every published price change of {@code sku}, newest first. */
    List<PriceChange> priceChanges(String sku);

    /** The newest price-list version head office published, 0 before the first. */
    long lastPriceListVersion();
}
