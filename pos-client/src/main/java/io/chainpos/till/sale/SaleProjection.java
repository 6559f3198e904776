package io.chainpos.till.sale;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.till.ledger.Projection;
import io.chainpos.till.ledger.TillIdentity;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Sales of this store (any of its tills), findable by receipt number for reprints and returns. */
public final class SaleProjection implements Projection {

    @Override
    public void apply(Handle h, TillIdentity self, EventEnvelope event) {
        if (!(event.payload() instanceof SaleCompleted sale) || !event.storeId().equals(self.storeId())) {
            return;
        }
        h.createUpdate("INSERT INTO sales (sale_id, receipt_no, store_id, till_id, member_id, total, currency, "
                        + "occurred_at, event_id) VALUES (:sale, :receipt, :store, :till, :member, :total, :currency, "
                        + ":at, :event)")
                .bind("sale", sale.saleId().toString())
                .bind("receipt", sale.receiptNo().value())
                .bind("store", event.storeId().value())
                .bind("till", event.tillId().value())
                .bind("member", sale.memberId() == null ? null : sale.memberId().toString())
                .bind("total", sale.total())
                .bind("currency", sale.currency())
                .bind("at", event.occurredAt().toString())
                .bind("event", event.eventId().toString())
                .execute();
        List<SaleLine> lines = sale.lines();
        for (int i = 0; i < lines.size(); i++) {
            SaleLine line = lines.get(i);
            h.createUpdate("INSERT INTO sale_lines (sale_id, line_no, sku, name, qty_milli, unit_price, discount, total) "
                            + "VALUES (:sale, :no, :sku, :name, :qty, :price, :discount, :total)")
                    .bind("sale", sale.saleId().toString())
                    .bind("no", i + 1)
                    .bind("sku", line.sku().value())
                    .bind("name", line.name())
                    .bind("qty", line.qtyMilli())
                    .bind("price", line.unitPrice())
                    .bind("discount", line.discount())
                    .bind("total", line.total())
                    .execute();
        }
    }

    @Override
    public void reset(Handle h) {
        h.execute("DELETE FROM sales");
        h.execute("DELETE FROM sale_lines");
    }
}
