package io.chainpos.model.event;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.SaleId;
import java.util.List;
import java.util.Objects;

/**
 * A sale as it was rung up and paid: a fact, never re-priced. Amounts are minor units of {@code currency};
 * {@code memberId} is null for a sale without a member. {@code priceListVersion} is the head-office price
 * list the till priced it with.
 */
public record SaleCompleted(
        SaleId saleId,
        ReceiptNo receiptNo,
        MemberId memberId,
        String currency,
        List<SaleLine> lines,
        List<AppliedPromotion> promotionsApplied,
        long subtotal,
        long discountTotal,
        long total,
        List<Tender> tenders,
        long change,
        long priceListVersion,
        String cashier) implements SaleEvent {

    public SaleCompleted {
        Objects.requireNonNull(saleId, "saleId");
        Objects.requireNonNull(receiptNo, "receiptNo");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        promotionsApplied = promotionsApplied == null ? List.of() : List.copyOf(promotionsApplied);
        tenders = List.copyOf(Objects.requireNonNull(tenders, "tenders"));
    }
}
