package io.chainpos.till.sale;

import io.chainpos.model.event.CouponRedeemed;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.SaleRefunded;
import io.chainpos.model.json.EventCodec;
import io.chainpos.till.ledger.Projection;
import io.chainpos.till.ledger.TillIdentity;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Sales and refunds of this store (any of its tills), findable by receipt number for reprints and returns,
 * and every coupon code used anywhere this till has heard of.
 */
public final class SaleProjection implements Projection {
    private final EventCodec codec;

    public SaleProjection(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public void apply(Handle h, TillIdentity self, EventEnvelope event) {
        switch (event.payload()) {
            case CouponRedeemed coupon -> h.createUpdate("INSERT OR IGNORE INTO coupon_redemptions (code, sale_id, event_id) "
                            + "VALUES (:code, :sale, :event)")
                    .bind("code", coupon.code()).bind("sale", coupon.saleId().toString())
                    .bind("event", event.eventId().toString()).execute();
            case SaleCompleted sale when event.storeId().equals(self.storeId()) -> sale(h, event, sale);
            case SaleRefunded refund when event.storeId().equals(self.storeId()) -> h.createUpdate(
                            "INSERT OR IGNORE INTO refunds (refund_id, original_sale_id, store_id, till_id, total, occurred_at, "
                                    + "payload) VALUES (:id, :sale, :store, :till, :total, :at, :payload)")
                    .bind("id", refund.refundId().toString())
                    .bind("sale", refund.originalSaleId() == null ? null : refund.originalSaleId().toString())
                    .bind("store", event.storeId().value())
                    .bind("till", event.tillId().value())
                    .bind("total", refund.total())
                    .bind("at", event.occurredAt().toString())
                    .bind("payload", codec.write(refund))
                    .execute();
            default -> {
            }
        }
    }

    private void sale(Handle h, EventEnvelope event, SaleCompleted sale) {
        String saleId = sale.saleId().toString();
        h.execute("INSERT INTO sales (sale_id, receipt_no, store_id, till_id, member_id, total, currency, "
                        + "occurred_at, event_id, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                saleId, sale.receiptNo().value(), event.storeId().value(), event.tillId().value(),
                sale.memberId() == null ? null : sale.memberId().toString(), sale.total(), sale.currency(),
                event.occurredAt().toString(), event.eventId().toString(), codec.write(sale));
        List<SaleLine> lines = sale.lines();
        for (int i = 0; i < lines.size(); i++) {
            SaleLine line = lines.get(i);
            h.execute("INSERT INTO sale_lines (sale_id, line_no, sku, name, qty_milli, unit_price, discount, "
                            + "total) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    saleId, i + 1, line.sku().value(), line.name(), line.qtyMilli(), line.unitPrice(), line.discount(),
                    line.total());
        }
    }

    @Override
    public void reset(Handle h) {
        h.execute("DELETE FROM sales");
        h.execute("DELETE FROM sale_lines");
        h.execute("DELETE FROM refunds");
        h.execute("DELETE FROM coupon_redemptions");
    }
}
