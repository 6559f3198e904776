package io.chainpos.server.stock;

import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.sync.StockView;
import io.chainpos.server.db.Database;
import java.util.List;
import java.util.Optional;

/** Reads the table {@link JdbcStockProjection} writes; a page is found by key (the primary key's order), never by offset. */
public final class JdbcStockLevels implements StockLevels {
    private final Database db;

    public JdbcStockLevels(Database db) {
        this.db = db;
    }

    @Override
    public StockView stock(StoreId storeId, Sku sku) {
        long qty = db.read(h -> h.createQuery("SELECT qty_milli FROM stock WHERE store_id = :store AND sku = :sku")
                .bind("store", storeId.value())
                .bind("sku", sku.value())
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
        return new StockView(storeId.value(), sku.value(), qty);
    }

    @Override
    public List<StockView> stockOf(StoreId storeId, Optional<Sku> after, int limit) {
        return db.read(h -> h.createQuery("""
                        SELECT sku, qty_milli FROM stock WHERE store_id = :store AND sku > :after
                        ORDER BY sku LIMIT :limit""")
                .bind("store", storeId.value())
                .bind("after", after.map(Sku::value).orElse(""))
                .bind("limit", limit)
                .map((rs, ctx) -> new StockView(storeId.value(), rs.getString(1), rs.getLong(2)))
                .list());
    }
}
