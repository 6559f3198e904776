package io.chainpos.till.device.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.model.event.RefundLine;
import io.chainpos.model.event.SaleRefunded;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.id.RefundId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.member.MemberCode;
import io.chainpos.till.device.printer.EscPosReader.Qr;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Refund slips, shift reports and member cards print what they are for. */
class PrintoutsTest {
    private final EscPosRenderer renderer = new EscPosRenderer(Paper.MM58, CodePage.GB18030, QrPrinting.NATIVE);

    @Test
    void aRefundSlipNamesTheReceiptItRefundsAndTheMoneyGivenBack() {
        SaleRefunded refund = new SaleRefunded(new RefundId(UUID.fromString("0192f0a0-0000-7000-8000-000000000020")),
                ReceiptFixtures.sale().saleId(), "CNY", List.of(new RefundLine(new Sku("100001"), "可口可乐 330ml", 1000, 300)),
                300, List.of(new Tender(TenderMethod.CASH, 300, null)), "damaged", null, null);

        List<String> lines = EscPosReader.lines(renderer.render(new RefundReceipt(refund, ReceiptFixtures.RECEIPT,
                ReceiptFixtures.TILL, ReceiptFixtures.SOLD_AT, null).layout(ReceiptFixtures.format(Paper.MM58, Language.ZH))));

        assertThat(lines).contains("退货单", "可口可乐 330ml")
                .anyMatch(l -> l.startsWith("原小票号") && l.endsWith("S001-T1-1-000042"))
                .anyMatch(l -> l.startsWith("退款合计") && l.endsWith("-3.00"))
                .anyMatch(l -> l.startsWith("现金") && l.endsWith("-3.00"))
                .anyMatch(l -> l.startsWith("原因") && l.endsWith("damaged"));
    }

    @Test
    void aZReportBalancesTheCashCountedAgainstTheCashExpected() {
        ShiftReportPrintout report = new ShiftReportPrintout(ShiftReportPrintout.Kind.Z, "S001-T1-0007", ReceiptFixtures.TILL,
                "cashier-01", Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2026-11-23T09:30:00Z"), "CNY", 50_000,
                List.of(new ShiftReportPrintout.Takings(TenderMethod.CASH, 30, 81_050, 1_050),
                        new ShiftReportPrintout.Takings(TenderMethod.MOBILE_WALLET, 12, 42_400, 0)),
                42, 123_450, 2, 1_050, 2_300, 1, 350, 10_000, 20_000, 120_000, 119_500L);

        List<String> lines = EscPosReader.lines(renderer.render(report.layout(ReceiptFixtures.format(Paper.MM58, Language.EN))));

        assertThat(lines).contains("Z REPORT (shift closed)")
                .anyMatch(l -> l.startsWith("Sales 42") && l.endsWith("1234.50"))
                .anyMatch(l -> l.startsWith("Refunds 2") && l.endsWith("-10.50"))
                .anyMatch(l -> l.startsWith("Net") && l.endsWith("1224.00"))
                .anyMatch(l -> l.startsWith("Voids 1") && l.endsWith("3.50"))
                .anyMatch(l -> l.startsWith("  Cash 30") && l.endsWith("800.00"))
                .anyMatch(l -> l.startsWith("  Mobile wallet 12") && l.endsWith("424.00"))
                .anyMatch(l -> l.startsWith("Cash out") && l.endsWith("-200.00"))
                .anyMatch(l -> l.startsWith("Closed") && l.endsWith("2026-11-23 17:30:00"))
                .anyMatch(l -> l.startsWith("Difference") && l.endsWith("-5.00"));
    }

    @Test
    void aZReportPrintsTheEventChainAtTheCloseInEachLanguage() {
        ShiftReportPrintout report = new ShiftReportPrintout(ShiftReportPrintout.Kind.Z, "S001-T1-0007", ReceiptFixtures.TILL,
                "cashier-01", Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2026-11-23T09:30:00Z"), "CNY", 50_000,
                List.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 50_000, 50_000L).withChainHead(57, "0123456789ab");

        List<String> english = EscPosReader.lines(renderer.render(report.layout(ReceiptFixtures.format(Paper.MM58, Language.EN))));
        List<String> chinese = EscPosReader.lines(renderer.render(report.layout(ReceiptFixtures.format(Paper.MM58, Language.ZH))));

        assertThat(english).anyMatch(l -> l.startsWith("Chain") && l.endsWith("#57 0123456789ab"));
        assertThat(chinese).anyMatch(l -> l.startsWith("账链") && l.endsWith("#57 0123456789ab"));
    }

    @Test
    void storedValueTopUpsShowApartFromSalesOnlyWhenThereWereAny() {
        ShiftReportPrintout report = new ShiftReportPrintout(ShiftReportPrintout.Kind.X, "S001-T1-0007", ReceiptFixtures.TILL,
                "cashier-01", Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2026-11-23T04:00:00Z"), "CNY", 50_000,
                List.of(new ShiftReportPrintout.Takings(TenderMethod.CASH, 2, 20_000, 10_000)),
                1, 10_000, 0, 0, 0, 0, 0, 0, 0, 60_000, null, 1, 10_000, 10_000);

        List<String> lines = EscPosReader.lines(renderer.render(report.layout(ReceiptFixtures.format(Paper.MM58, Language.ZH))));

        assertThat(lines).anyMatch(l -> l.startsWith("储值充值 1") && l.endsWith("100.00"))
                .anyMatch(l -> l.startsWith("充值退款") && l.endsWith("-100.00"));
        ShiftReportPrintout none = new ShiftReportPrintout(ShiftReportPrintout.Kind.X, "S001-T1-0007", ReceiptFixtures.TILL,
                "cashier-01", Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2026-11-23T04:00:00Z"), "CNY", 50_000,
                List.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 50_000, null);
        assertThat(EscPosReader.lines(renderer.render(none.layout(ReceiptFixtures.format(Paper.MM58, Language.ZH)))))
                .noneMatch(l -> l.startsWith("储值充值"));
    }

    @Test
    void anXReportIsAReadingWithNoCashCount() {
        ShiftReportPrintout report = new ShiftReportPrintout(ShiftReportPrintout.Kind.X, "S001-T1-0007", ReceiptFixtures.TILL,
                "cashier-01", Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2026-11-23T04:00:00Z"), "CNY", 50_000,
                List.of(new ShiftReportPrintout.Takings(TenderMethod.CASH, 10, 20_000, 0)),
                10, 20_000, 0, 0, 0, 0, 0, 0, 0, 70_000, null);

        List<String> lines = EscPosReader.lines(renderer.render(report.layout(ReceiptFixtures.format(Paper.MM58, Language.ZH))));

        assertThat(lines).contains("X 报表 (班中)").anyMatch(l -> l.startsWith("应有现金") && l.endsWith("700.00"))
                .noneMatch(l -> l.startsWith("实点现金")).noneMatch(l -> l.startsWith("差额"));
        assertThatThrownBy(() -> new ShiftReportPrintout(ShiftReportPrintout.Kind.Z, "S", ReceiptFixtures.TILL, "c",
                Instant.EPOCH, Instant.EPOCH, "CNY", 0, List.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null))
                .hasMessageContaining("cash counted");
    }

    @Test
    void aMemberCardCarriesTheMemberQrCodeAndAMaskedPhone() {
        CardNo card = new CardNo("880000000017");

        List<EscPosReader.Item> items = EscPosReader.read(renderer.render(new MemberCardSlip("王小明", "13800138000", card)
                .layout(ReceiptFixtures.format(Paper.MM58, Language.ZH))));

        Qr qr = EscPosReader.all(items, Qr.class).getFirst();
        assertThat(qr.model()).isEqualTo(50);
        assertThat(MemberCode.decode(qr.data())).contains(card);
        assertThat(EscPosReader.all(items, EscPosReader.Line.class)).extracting(EscPosReader.Line::text)
                .anyMatch(l -> l.startsWith("手机") && l.endsWith("138****8000"))
                .noneMatch(l -> l.contains("13800138000"))
                .anyMatch(l -> l.startsWith("卡号") && l.endsWith("880000000017"));
    }
}
