package io.chainpos.till.sale;

import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleRefunded;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.till.ledger.LedgerSession;
import java.util.List;
import java.util.Optional;

/** Finds this store's sales and their refunds, from any of its tills, and used coupon codes. */
public final class SaleStore {
    private final EventCodec codec;

    public SaleStore(EventCodec codec) {
        this.codec = codec;
    }

    public Optional<SaleId> findByReceipt(LedgerSession session, ReceiptNo receiptNo) {
        return session.handle().createQuery("SELECT sale_id FROM sales WHERE receipt_no = :receipt")
                .bind("receipt", receiptNo.value())
                .mapTo(String.class)
                .findOne()
                .map(SaleId::parse);
    }

    /** The sale as it was recorded, by its receipt number. */
    public Optional<SaleCompleted> saleByReceipt(LedgerSession session, String receiptNo) {
        return session.handle().createQuery("SELECT payload FROM sales WHERE receipt_no = :receipt AND payload IS NOT NULL")
                .bind("receipt", receiptNo)
                .mapTo(String.class)
                .findOne()
                .map(json -> codec.read(json, SaleCompleted.class));
    }

    /** Every refund against a sale, from any till of this store, oldest first. */
    public List<SaleRefunded> refundsOf(LedgerSession session, SaleId saleId) {
        return session.handle().createQuery("SELECT payload FROM refunds WHERE original_sale_id = :sale ORDER BY occurred_at, refund_id")
                .bind("sale", saleId.toString())
                .mapTo(String.class)
                .map(json -> codec.read(json, SaleRefunded.class))
                .list();
    }

    public boolean couponUsed(LedgerSession session, String code) {
        return session.handle().createQuery("SELECT COUNT(*) FROM coupon_redemptions WHERE code = :code")
                .bind("code", code).mapTo(Integer.class).one() > 0;
    }

    public long countSales(LedgerSession session) {
        return session.handle().createQuery("SELECT COUNT(*) FROM sales").mapTo(Long.class).one();
    }
}
