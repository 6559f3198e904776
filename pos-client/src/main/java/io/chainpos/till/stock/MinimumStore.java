package io.chainpos.till.stock;

import io.chainpos.model.id.Sku;
import io.chainpos.till.ledger.LedgerSession;

/** Reads the minimums head office set for this till's store. */
public final class MinimumStore {

    /** The least this store should hold of {@code sku}, in thousandths; 0 when head office set none. */
    public long minimumMilli(LedgerSession session, Sku sku) {
        return session.handle().createQuery("SELECT min_milli FROM stock_minimums WHERE sku = :sku")
                .bind("sku", sku.value()).mapTo(Long.class).findOne().orElse(0L);
    }
}
