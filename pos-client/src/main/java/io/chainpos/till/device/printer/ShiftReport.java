package io.chainpos.till.device.printer;

import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.TillId;
import io.chainpos.till.device.printer.PrintDocument.Size;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A shift's X report (a reading while the shift stays open) or Z report (the close, with the cash counted).
 * A minimal record of what such a report says, defined here so the printer can print one; the selling
 * feature's own report record maps onto it. Amounts in minor units; {@code takings} nets sales and refunds per
 * tender; {@code countedCash} is null on an X report.
 */
public record ShiftReport(
        Kind kind,
        String shiftId,
        TillId tillId,
        String cashier,
        Instant openedAt,
        Instant endedAt,
        String currency,
        int salesCount,
        long salesTotal,
        int refundsCount,
        long refundsTotal,
        Map<TenderMethod, Long> takings,
        long openingFloat,
        long expectedCash,
        Long countedCash) implements Printout {

    public enum Kind { X, Z }

    public ShiftReport {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(shiftId, "shiftId");
        Objects.requireNonNull(tillId, "tillId");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(currency, "currency");
        takings = takings.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(takings));
        if (kind == Kind.Z && countedCash == null) {
            throw new IllegalArgumentException("a Z report closes the shift with the cash counted");
        }
    }

    @Override
    public PrintDocument layout(ReceiptFormat format) {
        DocumentBuilder doc = new DocumentBuilder(format);
        doc.header()
                .centered(doc.word(kind == Kind.X ? ReceiptText.X_REPORT : ReceiptText.Z_REPORT), true, Size.TALL)
                .rule()
                .pair(doc.word(ReceiptText.SHIFT), shiftId)
                .pair(doc.word(ReceiptText.TILL), tillId.value())
                .pair(doc.word(ReceiptText.CASHIER), cashier)
                .pair(doc.word(ReceiptText.OPENED), doc.time(openedAt))
                .pair(doc.word(kind == Kind.X ? ReceiptText.PRINTED : ReceiptText.CLOSED), doc.time(endedAt))
                .rule()
                .pair(doc.word(ReceiptText.SALES) + " " + salesCount, money(salesTotal))
                .pair(doc.word(ReceiptText.REFUNDS) + " " + refundsCount, money(-refundsTotal))
                .pair(doc.word(ReceiptText.NET), money(salesTotal - refundsTotal), true, Size.NORMAL)
                .rule()
                .text(doc.word(ReceiptText.TAKINGS));
        for (TenderMethod method : TenderMethod.values()) {
            Long amount = takings.get(method);
            if (amount != null) {
                doc.pair("  " + doc.word(ReceiptText.of(method)), money(amount));
            }
        }
        doc.rule()
                .pair(doc.word(ReceiptText.OPENING_FLOAT), money(openingFloat))
                .pair(doc.word(ReceiptText.EXPECTED_CASH), money(expectedCash));
        if (countedCash != null) {
            doc.pair(doc.word(ReceiptText.COUNTED_CASH), money(countedCash))
                    .pair(doc.word(ReceiptText.DIFFERENCE), money(countedCash - expectedCash), true, Size.NORMAL);
        }
        doc.rule().footer();
        return doc.build();
    }

    private String money(long minor) {
        return DocumentBuilder.money(minor, currency);
    }
}
