package io.chainpos.till.stock;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.StocktakeCompleted;
import io.chainpos.model.event.StocktakeLine;
import io.chainpos.till.ledger.Projection;
import io.chainpos.till.ledger.TillIdentity;
import org.jdbi.v3.core.Handle;

/**
 * This store's approved stocktakes with their lines, for the stock screen. The stock itself moves by the
 * {@code STOCKTAKE} movements recorded beside each one ({@link StockProjection}).
 */
public final class StocktakeProjection implements Projection {

    @Override
    public void apply(Handle h, TillIdentity self, EventEnvelope event) {
        if (!(event.payload() instanceof StocktakeCompleted done) || !done.storeId().equals(self.storeId())) {
            return;
        }
        h.execute("""
                        INSERT OR REPLACE INTO stocktakes (stocktake_no, scope_kind, scope_label, started_at, approved_at,
                            counted_by, approved_by, approver_name, uncounted_as_zero) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                done.stocktakeNo(), done.scope().kind().name(), done.scope().label(), done.startedAt().toString(),
                event.occurredAt().toString(), done.countedBy(), done.approvedBy(), done.approverName(),
                done.uncountedAsZero() ? 1 : 0);
        for (StocktakeLine line : done.lines()) {
            h.execute("INSERT OR REPLACE INTO stocktake_lines (stocktake_no, sku, counted_milli, on_hand_milli, difference_milli) "
                            + "VALUES (?, ?, ?, ?, ?)",
                    done.stocktakeNo(), line.sku().value(), line.countedMilli(), line.onHandMilli(), line.differenceMilli());
        }
    }

    @Override
    public void reset(Handle h) {
        h.execute("DELETE FROM stocktake_lines");
        h.execute("DELETE FROM stocktakes");
    }
}
