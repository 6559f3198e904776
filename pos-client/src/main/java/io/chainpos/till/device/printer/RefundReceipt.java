package io.chainpos.till.device.printer;

import io.chainpos.model.event.RefundLine;
import io.chainpos.model.event.SaleRefunded;
import io.chainpos.model.event.Tender;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.TillId;
import io.chainpos.till.device.printer.PrintDocument.Size;
import java.time.Instant;
import java.util.Objects;

/**
 * The slip a customer takes home for a refund (退货单): what was given back, how the money went back, and the
 * receipt it was refunded against ({@code originalReceipt} is null for a refund without a receipt).
 */
public record RefundReceipt(SaleRefunded refund, ReceiptNo originalReceipt, TillId tillId, Instant occurredAt,
                            Instant reprintedAt) implements Printout {

    public RefundReceipt {
        Objects.requireNonNull(refund, "refund");
        Objects.requireNonNull(tillId, "tillId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public PrintDocument layout(ReceiptFormat format) {
        DocumentBuilder doc = new DocumentBuilder(format);
        String currency = refund.currency();
        doc.header();
        if (reprintedAt != null) {
            doc.reprintBanner(reprintedAt);
        }
        doc.centered(doc.word(ReceiptText.REFUND_TITLE), true, Size.NORMAL)
                .rule()
                .pair(doc.word(ReceiptText.ORIGINAL_RECEIPT),
                        originalReceipt == null ? doc.word(ReceiptText.NO_RECEIPT) : originalReceipt.value())
                .pair(doc.word(ReceiptText.REFUND_NO), refund.refundNo() != null ? refund.refundNo() : refund.refundId().toString())
                .pair(doc.word(ReceiptText.TIME), doc.time(occurredAt))
                .pair(doc.word(ReceiptText.TILL), tillId.value())
                .rule();
        for (RefundLine line : refund.lines()) {
            doc.text(line.name())
                    .pair("  " + DocumentBuilder.quantity(line.qtyMilli()), DocumentBuilder.money(-line.amount(), currency));
        }
        doc.rule().pair(doc.word(ReceiptText.REFUND_TOTAL), DocumentBuilder.money(-refund.total(), currency), true, Size.TALL);
        for (Tender tender : refund.tenders()) {
            doc.pair(doc.word(ReceiptText.of(tender.method())), DocumentBuilder.money(-tender.amount(), currency));
        }
        if (refund.reason() != null) {
            doc.pair(doc.word(ReceiptText.REASON), refund.reason());
        }
        if (refund.approvedBy() != null) {
            doc.pair(doc.word(ReceiptText.APPROVED_BY), refund.approvedBy());
        }
        doc.rule().footer();
        return doc.build();
    }
}
