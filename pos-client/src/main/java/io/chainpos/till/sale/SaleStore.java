package io.chainpos.till.sale;

import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.SaleId;
import java.util.Optional;
import io.chainpos.till.ledger.LedgerSession;

/** Finds this store's sales. */
public final class SaleStore {

    public Optional<SaleId> findByReceipt(LedgerSession session, ReceiptNo receiptNo) {
        return session.handle().createQuery("SELECT sale_id FROM sales WHERE receipt_no = :receipt")
                .bind("receipt", receiptNo.value())
                .mapTo(String.class)
                .findOne()
                .map(SaleId::parse);
    }

    public long countSales(LedgerSession session) {
        return session.handle().createQuery("SELECT COUNT(*) FROM sales").mapTo(Long.class).one();
    }
}
