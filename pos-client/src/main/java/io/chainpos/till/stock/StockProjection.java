package io.chainpos.till.stock;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.StockChanged;
import io.chainpos.till.ledger.Projection;
import io.chainpos.till.ledger.TillIdentity;
import org.jdbi.v3.core.Handle;

/** This store's stock: the sum of its stock movements, from this till and the store's other tills. */
public final class StockProjection implements Projection {

    @Override
    public void apply(Handle h, TillIdentity self, EventEnvelope event) {
        if (event.payload() instanceof StockChanged change && change.storeId().equals(self.storeId())) {
            h.execute("INSERT INTO stock_levels (sku, qty_milli) VALUES (?, ?) "
                    + "ON CONFLICT (sku) DO UPDATE SET qty_milli = qty_milli + excluded.qty_milli",
                    change.sku().value(), change.deltaMilli());
        }
    }

    @Override
    public void reset(Handle h) {
        h.execute("DELETE FROM stock_levels");
    }
}
