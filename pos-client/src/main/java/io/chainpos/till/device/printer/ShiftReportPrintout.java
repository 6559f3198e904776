package io.chainpos.till.device.printer;

import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.TillId;
import io.chainpos.model.sale.ShiftReport;
import io.chainpos.till.device.printer.PrintDocument.Size;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A shift's X report (a reading while the shift stays open) or Z report (the close, with the cash counted), as
 * printed: the selling feature's {@link ShiftReport} with the till and currency it was taken at
 * ({@link #of}). Amounts in minor units of {@code currency}; {@code countedCash} is null on an X report.
 * {@code chainHead} (a Z report's, null otherwise) is the till's event chain at the close, its seq and the first
 * digits of its hash, so the slip can be matched against head office's page for the till (防删单).
 */
public record ShiftReportPrintout(
        Kind kind,
        String shiftId,
        TillId tillId,
        String openedBy,
        Instant openedAt,
        Instant endedAt,
        String currency,
        long openingFloat,
        List<Takings> byTender,
        int salesCount,
        long salesTotal,
        int refundsCount,
        long refundsTotal,
        long discountTotal,
        int voidsCount,
        long voidsAmount,
        long cashIn,
        long cashOut,
        long expectedCash,
        Long countedCash,
        int topUpsCount,
        long topUpsTotal,
        long topUpRefundsTotal,
        String chainHead) implements Printout {

    public enum Kind { X, Z }

    /** One tender method over the shift: how many payments, taken in sales, given back in refunds. */
    public record Takings(TenderMethod method, int count, long sales, long refunds) {
        public Takings {
            Objects.requireNonNull(method, "method");
        }
    }

    public ShiftReportPrintout {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(shiftId, "shiftId");
        Objects.requireNonNull(tillId, "tillId");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(currency, "currency");
        byTender = List.copyOf(byTender);
        if (kind == Kind.Z && countedCash == null) {
            throw new IllegalArgumentException("a Z report closes the shift with the cash counted");
        }
    }

    /** A report without stored-value top-ups. */
    public ShiftReportPrintout(Kind kind, String shiftId, TillId tillId, String openedBy, Instant openedAt, Instant endedAt,
                               String currency, long openingFloat, List<Takings> byTender, int salesCount, long salesTotal,
                               int refundsCount, long refundsTotal, long discountTotal, int voidsCount, long voidsAmount,
                               long cashIn, long cashOut, long expectedCash, Long countedCash) {
        this(kind, shiftId, tillId, openedBy, openedAt, endedAt, currency, openingFloat, byTender, salesCount, salesTotal,
                refundsCount, refundsTotal, discountTotal, voidsCount, voidsAmount, cashIn, cashOut, expectedCash, countedCash,
                0, 0, 0, null);
    }

    /** A report without the event chain's head (an X report, or a Z printed without it). */
    public ShiftReportPrintout(Kind kind, String shiftId, TillId tillId, String openedBy, Instant openedAt, Instant endedAt,
                               String currency, long openingFloat, List<Takings> byTender, int salesCount, long salesTotal,
                               int refundsCount, long refundsTotal, long discountTotal, int voidsCount, long voidsAmount,
                               long cashIn, long cashOut, long expectedCash, Long countedCash, int topUpsCount, long topUpsTotal,
                               long topUpRefundsTotal) {
        this(kind, shiftId, tillId, openedBy, openedAt, endedAt, currency, openingFloat, byTender, salesCount, salesTotal,
                refundsCount, refundsTotal, discountTotal, voidsCount, voidsAmount, cashIn, cashOut, expectedCash, countedCash,
                topUpsCount, topUpsTotal, topUpRefundsTotal, null);
    }

    /** This report with the event chain's head at the close: its seq and short hash. */
    public ShiftReportPrintout withChainHead(long seq, String shortHash) {
        return new ShiftReportPrintout(kind, shiftId, tillId, openedBy, openedAt, endedAt, currency, openingFloat, byTender,
                salesCount, salesTotal, refundsCount, refundsTotal, discountTotal, voidsCount, voidsAmount, cashIn, cashOut,
                expectedCash, countedCash, topUpsCount, topUpsTotal, topUpRefundsTotal, "#" + seq + " " + shortHash);
    }

    /** The selling feature's shift report as printed at {@code till}; an X report ends when it is printed. */
    public static ShiftReportPrintout of(ShiftReport report, TillId till, String currency, Instant printedAt) {
        return new ShiftReportPrintout(report.kind() == ShiftReport.Kind.X ? Kind.X : Kind.Z,
                report.shiftId().toString(), till, report.openedBy(), report.openedAt(),
                report.closedAt() != null ? report.closedAt() : printedAt, currency, report.floatAmount(),
                takings(report),
                report.salesCount(), report.salesTotal(), report.refundsCount(), report.refundsTotal(),
                report.discountTotal(), report.voidsCount(), report.voidsAmount(), report.cashIn(), report.cashOut(),
                report.expectedCash(), report.countedCash(), report.topUpsCount(), report.topUpsTotal(),
                report.topUpRefundsTotal(), null);
    }

    /** The drawer's takings by tender as printed: sales and top-ups together (the top-ups are also shown apart). */
    private static List<Takings> takings(ShiftReport report) {
        java.util.Map<io.chainpos.model.event.TenderMethod, long[]> by = new java.util.EnumMap<>(io.chainpos.model.event.TenderMethod.class);
        for (ShiftReport.TenderLine line : java.util.stream.Stream.concat(report.byTender().stream(),
                report.topUpsByTender().stream()).toList()) {
            long[] sum = by.computeIfAbsent(line.method(), m -> new long[3]);
            sum[0] += line.count();
            sum[1] += line.sales();
            sum[2] += line.refunds();
        }
        return by.entrySet().stream().map(e -> new Takings(e.getKey(), (int) e.getValue()[0], e.getValue()[1],
                e.getValue()[2])).toList();
    }

    @Override
    public PrintDocument layout(ReceiptFormat format) {
        DocumentBuilder doc = new DocumentBuilder(format);
        doc.header()
                .centered(doc.word(kind == Kind.X ? ReceiptText.X_REPORT : ReceiptText.Z_REPORT), true, Size.TALL)
                .rule()
                .pair(doc.word(ReceiptText.SHIFT), shiftId)
                .pair(doc.word(ReceiptText.TILL), tillId.value());
        if (openedBy != null) {
            doc.pair(doc.word(ReceiptText.CASHIER), openedBy);
        }
        doc.pair(doc.word(ReceiptText.OPENED), doc.time(openedAt))
                .pair(doc.word(kind == Kind.X ? ReceiptText.PRINTED : ReceiptText.CLOSED), doc.time(endedAt))
                .rule()
                .pair(doc.word(ReceiptText.SALES) + " " + salesCount, money(salesTotal))
                .pair(doc.word(ReceiptText.REFUNDS) + " " + refundsCount, money(-refundsTotal))
                .pair(doc.word(ReceiptText.NET), money(salesTotal - refundsTotal), true, Size.NORMAL)
                .pair(doc.word(ReceiptText.DISCOUNT), money(-discountTotal))
                .pair(doc.word(ReceiptText.VOIDS) + " " + voidsCount, money(voidsAmount));
        if (topUpsCount > 0 || topUpRefundsTotal > 0) {
            // Stored value sold is money taken but not a sale: shown apart, and in the takings below.
            doc.pair(doc.word(ReceiptText.TOP_UPS) + " " + topUpsCount, money(topUpsTotal))
                    .pair(doc.word(ReceiptText.TOP_UP_REFUNDS), money(-topUpRefundsTotal));
        }
        doc.rule()
                .text(doc.word(ReceiptText.TAKINGS));
        for (Takings takings : byTender) {
            doc.pair("  " + doc.word(ReceiptText.of(takings.method())) + " " + takings.count(),
                    money(takings.sales() - takings.refunds()));
        }
        doc.rule()
                .pair(doc.word(ReceiptText.OPENING_FLOAT), money(openingFloat))
                .pair(doc.word(ReceiptText.CASH_IN), money(cashIn))
                .pair(doc.word(ReceiptText.CASH_OUT), money(-cashOut))
                .pair(doc.word(ReceiptText.EXPECTED_CASH), money(expectedCash));
        if (countedCash != null) {
            doc.pair(doc.word(ReceiptText.COUNTED_CASH), money(countedCash))
                    .pair(doc.word(ReceiptText.DIFFERENCE), money(countedCash - expectedCash), true, Size.NORMAL);
        }
        if (chainHead != null) {
            doc.rule().pair(doc.word(ReceiptText.CHAIN_HEAD), chainHead);
        }
        doc.rule().footer();
        return doc.build();
    }

    private String money(long minor) {
        return DocumentBuilder.money(minor, currency);
    }
}
