package io.chainpos.server.stock;

import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.sync.StockView;
import java.util.List;
import java.util.Optional;

/** The merged stock of each store, as the stock routes read it. */
public interface StockLevels {

    /** A store's stock of a SKU (0 when nothing moved). */
    StockView stock(StoreId storeId, Sku sku);

    /** Up to {@code limit} of a store's SKUs that something moved, in SKU order, from the first after {@code after}. */
    List<StockView> stockOf(StoreId storeId, Optional<Sku> after, int limit);
}
