package io.chainpos.till.sale;

import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.SaleId;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Finds this store's sales. */
public final class SaleStore {

    public Optional<SaleId> findByReceipt(Handle h, ReceiptNo receiptNo) {
        return h.createQuery("SELECT sale_id FROM sales WHERE receipt_no = :receipt")
                .bind("receipt", receiptNo.value())
                .mapTo(String.class)
                .findOne()
                .map(SaleId::parse);
    }

    public long countSales(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM sales").mapTo(Long.class).one();
    }
}
