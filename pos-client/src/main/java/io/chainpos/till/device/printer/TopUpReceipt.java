package io.chainpos.till.device.printer;

import io.chainpos.model.event.StoredValueToppedUp;
import io.chainpos.model.event.Tender;
import io.chainpos.model.id.TillId;
import io.chainpos.till.device.printer.PrintDocument.Size;
import java.time.Instant;
import java.util.Objects;

/**
 * The slip a member takes home for a stored-value top-up (储值充值单): what was paid and how, the bonus the
 * rules gave and the stored value after it ({@code balanceAfter}, as the ledger held it when printed).
 */
public record TopUpReceipt(StoredValueToppedUp topUp, String maskedCard, long balanceAfter, TillId tillId, Instant occurredAt,
                           Instant reprintedAt, String cashierName) implements Printout {
    private static final String CURRENCY = "CNY";

    public TopUpReceipt {
        Objects.requireNonNull(topUp, "topUp");
        Objects.requireNonNull(tillId, "tillId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** Without the cashier's name: the sign-in id is printed. */
    public TopUpReceipt(StoredValueToppedUp topUp, String maskedCard, long balanceAfter, TillId tillId, Instant occurredAt,
                        Instant reprintedAt) {
        this(topUp, maskedCard, balanceAfter, tillId, occurredAt, reprintedAt, null);
    }

    @Override
    public PrintDocument layout(ReceiptFormat format) {
        DocumentBuilder doc = new DocumentBuilder(format);
        doc.header();
        if (reprintedAt != null) {
            doc.reprintBanner(reprintedAt);
        }
        doc.centered(doc.word(ReceiptText.TOP_UP_TITLE), true, Size.NORMAL)
                .rule()
                .pair(doc.word(ReceiptText.RECEIPT_NO), topUp.receiptNo() == null ? "-" : topUp.receiptNo().value())
                .pair(doc.word(ReceiptText.TIME), doc.time(occurredAt))
                .pair(doc.word(ReceiptText.TILL), tillId.value());
        if (topUp.cashier() != null) {
            doc.pair(doc.word(ReceiptText.CASHIER), cashierName != null ? cashierName : topUp.cashier());
        }
        doc.pair(doc.word(ReceiptText.MEMBER), maskedCard == null ? "-" : maskedCard)
                .rule()
                .pair(doc.word(ReceiptText.TOP_UP_PAID), DocumentBuilder.money(topUp.paid(), CURRENCY), true, Size.TALL);
        if (topUp.bonus() > 0) {
            doc.pair(doc.word(ReceiptText.TOP_UP_BONUS) + (topUp.bonusRule() == null ? "" : " " + topUp.bonusRule()),
                    DocumentBuilder.money(topUp.bonus(), CURRENCY));
        }
        for (Tender tender : topUp.tenders()) {
            doc.pair(doc.word(ReceiptText.of(tender.method())), DocumentBuilder.money(tender.amount(), CURRENCY));
        }
        if (topUp.change() > 0) {
            doc.pair(doc.word(ReceiptText.CHANGE), DocumentBuilder.money(topUp.change(), CURRENCY));
        }
        doc.pair(doc.word(ReceiptText.STORED_VALUE_BALANCE), DocumentBuilder.money(balanceAfter, CURRENCY))
                .rule().footer();
        return doc.build();
    }
}
