package io.chainpos.till.stock;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.StockMinimumSet;
import io.chainpos.till.ledger.Projection;
import io.chainpos.till.ledger.TillIdentity;
import org.jdbi.v3.core.Handle;

/** Keeps head office's minimum of each product for this till's store: the latest by hlc; 0 clears it. */
public final class MinimumProjection implements Projection {

    @Override
    public void apply(Handle h, TillIdentity self, EventEnvelope event) {
        if (event.payload() instanceof StockMinimumSet min && min.storeId().equals(self.storeId())) {
            h.execute("INSERT INTO stock_minimums (sku, min_milli, set_hlc) VALUES (?, ?, ?) ON CONFLICT (sku) DO UPDATE SET "
                            + "min_milli = excluded.min_milli, set_hlc = excluded.set_hlc WHERE excluded.set_hlc > stock_minimums.set_hlc",
                    min.sku().value(), min.minMilli(), event.hlc());
        }
    }

    @Override
    public void reset(Handle h) {
        h.execute("DELETE FROM stock_minimums");
    }
}
