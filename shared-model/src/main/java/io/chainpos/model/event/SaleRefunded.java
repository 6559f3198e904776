package io.chainpos.model.event;

import io.chainpos.model.id.RefundId;
import io.chainpos.model.id.SaleId;
import java.util.List;
import java.util.Objects;

/**
 * Money and goods given back. {@code originalSaleId} is null for a refund without a receipt, which then
 * names the manager who {@code approvedBy} it and the {@code reason}. {@code refundNo} is the number people read
 * on the slip, like a receipt's ({@code S001-T1-1-R000001}); refunds recorded before schema version 2 have none.
 */
public record SaleRefunded(
        RefundId refundId,
        SaleId originalSaleId,
        String currency,
        List<RefundLine> lines,
        long total,
        List<Tender> tenders,
        String reason,
        String approvedBy,
        String refundNo) implements SaleEvent {

    public SaleRefunded {
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        tenders = List.copyOf(Objects.requireNonNull(tenders, "tenders"));
    }
}
