package io.chainpos.till.device.printer;

import io.chainpos.model.event.AppliedPromotion;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.Tender;
import io.chainpos.model.id.TillId;
import io.chainpos.till.device.printer.PrintDocument.Size;
import java.time.Instant;
import java.util.Objects;

/**
 * A sale's receipt (小票): the committed {@link SaleCompleted} with where and when it happened, the member's
 * points when a member was on the sale, and for a reprint the moment it was reprinted.
 */
public record SaleReceipt(SaleCompleted sale, TillId tillId, Instant occurredAt, MemberPoints member, Instant reprintedAt,
                          String cashierName) implements Printout {

    /** The member's masked card number, the points this sale earned and the balance printed with them. */
    public record MemberPoints(String cardNo, long earned, long balance) {
        public MemberPoints {
            Objects.requireNonNull(cardNo, "cardNo");
        }
    }

    public SaleReceipt {
        Objects.requireNonNull(sale, "sale");
        Objects.requireNonNull(tillId, "tillId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** Without the cashier's name: the sign-in id is printed. */
    public SaleReceipt(SaleCompleted sale, TillId tillId, Instant occurredAt, MemberPoints member, Instant reprintedAt) {
        this(sale, tillId, occurredAt, member, reprintedAt, null);
    }

    @Override
    public PrintDocument layout(ReceiptFormat format) {
        DocumentBuilder doc = new DocumentBuilder(format);
        String currency = sale.currency();
        doc.header();
        if (reprintedAt != null) {
            doc.reprintBanner(reprintedAt);
        }
        doc.centered(doc.word(ReceiptText.SALE_TITLE), true, Size.NORMAL)
                .rule()
                .pair(doc.word(ReceiptText.RECEIPT_NO), sale.receiptNo().value())
                .pair(doc.word(ReceiptText.TIME), doc.time(occurredAt))
                .pair(doc.word(ReceiptText.TILL), tillId.value());
        if (sale.cashier() != null) {
            doc.pair(doc.word(ReceiptText.CASHIER), cashierName != null ? cashierName : sale.cashier());
        }
        doc.rule();
        for (SaleLine line : sale.lines()) {
            doc.text(line.name());
            long gross = line.total() + line.discount();
            doc.pair("  " + DocumentBuilder.quantity(line.qtyMilli()) + " x " + DocumentBuilder.money(line.unitPrice(), currency),
                    DocumentBuilder.money(gross, currency));
            long named = 0;
            for (AppliedPromotion promotion : line.promotions()) {
                doc.pair("  " + promotion.name(), DocumentBuilder.money(-promotion.amount(), currency));
                named += promotion.amount();
            }
            if (line.discount() > named) {
                doc.pair("  " + doc.word(ReceiptText.DISCOUNT), DocumentBuilder.money(named - line.discount(), currency));
            }
        }
        doc.rule().pair(doc.word(ReceiptText.SUBTOTAL), DocumentBuilder.money(sale.subtotal(), currency));
        if (sale.discountTotal() != 0) {
            doc.pair(doc.word(ReceiptText.DISCOUNT), DocumentBuilder.money(-sale.discountTotal(), currency));
        }
        for (AppliedPromotion promotion : sale.promotionsApplied()) {
            doc.pair("  " + promotion.name(), DocumentBuilder.money(-promotion.amount(), currency));
        }
        doc.pair(doc.word(ReceiptText.TOTAL), DocumentBuilder.money(sale.total(), currency), true, Size.TALL);
        for (Tender tender : sale.tenders()) {
            String method = doc.word(ReceiptText.of(tender.method()));
            doc.pair(tender.reference() == null ? method : method + " " + tender.reference(),
                    DocumentBuilder.money(tender.amount(), currency));
        }
        if (sale.change() != 0) {
            doc.pair(doc.word(ReceiptText.CHANGE), DocumentBuilder.money(sale.change(), currency));
        }
        if (member != null) {
            doc.rule()
                    .pair(doc.word(ReceiptText.MEMBER), member.cardNo())
                    .pair(doc.word(ReceiptText.POINTS_EARNED), Long.toString(member.earned()))
                    .pair(doc.word(reprintedAt == null ? ReceiptText.POINTS_BALANCE : ReceiptText.POINTS_BALANCE_AT_REPRINT),
                            Long.toString(member.balance()));
        }
        doc.rule().receiptCode(sale.receiptNo().value()).footer();
        return doc.build();
    }
}
