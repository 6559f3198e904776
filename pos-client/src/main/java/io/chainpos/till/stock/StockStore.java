package io.chainpos.till.stock;

import io.chainpos.model.id.Sku;
import io.chainpos.till.ledger.LedgerSession;

/** This store's stock of a SKU, in thousandths; negative when more was sold than was booked in. */
public final class StockStore {
    public long quantityMilli(LedgerSession session, Sku sku) {
        return session.handle().createQuery("SELECT qty_milli FROM stock_levels WHERE sku = :sku")
                .bind("sku", sku.value())
                .mapTo(Long.class)
                .findOne()
                .orElse(0L);
    }

    /** The SKUs whose stock here is not zero, in SKU order. */
    public java.util.List<Sku> stocked(LedgerSession session) {
        return session.handle().createQuery("SELECT sku FROM stock_levels WHERE qty_milli <> 0 ORDER BY sku")
                .map((rs, ctx) -> new Sku(rs.getString(1)))
                .list();
    }
}
