package io.chainpos.till.device.printer;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.till.device.printer.EscPosReader.Barcode;
import io.chainpos.till.device.printer.EscPosReader.Command;
import io.chainpos.till.device.printer.EscPosReader.Item;
import io.chainpos.till.device.printer.EscPosReader.Line;
import io.chainpos.till.device.printer.EscPosReader.Qr;
import io.chainpos.till.device.printer.EscPosReader.Raster;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.till.device.qr.QrCodes;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class EscPosRendererTest {
    private static final Charset GB18030 = Charset.forName("GB18030");

    @ParameterizedTest
    @EnumSource(Paper.class)
    void everyLineFitsThePaperCountingAChineseCharacterAsTwoColumns(Paper paper) {
        for (Language language : Language.values()) {
            List<Item> items = EscPosReader.read(render(paper, language, ReceiptFixtures.receipt(Instant.parse("2026-11-24T01:00:00Z"))));

            for (Line line : EscPosReader.all(items, Line.class)) {
                // in Chinese mode a GB18030 character prints two columns wide: exactly its byte count
                int columns = line.text().getBytes(GB18030).length * line.width();
                assertThat(columns).as("'%s' on %s", line.text(), paper).isLessThanOrEqualTo(paper.columns());
            }
            assertThat(EscPosReader.all(items, Line.class)).extracting(Line::text)
                    .anyMatch(text -> text.getBytes(GB18030).length == paper.columns());
        }
    }

    @Test
    void chineseTextIsSentInGb18030AfterTheChineseModeIsSelected() {
        byte[] bytes = render(Paper.MM80, Language.ZH, ReceiptFixtures.receipt(null));
        List<Item> items = EscPosReader.read(bytes);

        assertThat(items.get(0)).isEqualTo(new Command("INIT", -1));
        assertThat(items.get(1)).isEqualTo(new Command("CHINESE_MODE", 1));
        assertThat(HexFormat.of().formatHex(bytes)).contains(HexFormat.of().formatHex("可口可乐".getBytes(GB18030)));
        assertThat(EscPosReader.lines(bytes)).contains("可口可乐 330ml").noneMatch(line -> line.contains("?"));
    }

    @Test
    void aWesternPrinterGetsCodePage437AndChineseBecomesQuestionMarks() {
        ReceiptFormat format = ReceiptFixtures.format(Paper.MM80, Language.EN, CodePage.CP437, ReceiptCode.AUTO);
        byte[] bytes = new EscPosRenderer(Paper.MM80, CodePage.CP437, QrPrinting.NATIVE)
                .render(ReceiptFixtures.receipt(null).layout(format));
        List<Item> items = EscPosReader.read(bytes);

        assertThat(items.subList(0, 3)).containsExactly(new Command("INIT", -1), new Command("CHINESE_MODE", 0),
                new Command("CODE_TABLE", 0));
        assertThat(EscPosReader.lines(bytes)).contains("???? 330ml").anyMatch(line -> line.startsWith("Subtotal"));
    }

    @Test
    void theReceiptFeedsPastTheCutterAndCuts() {
        List<Item> items = EscPosReader.read(render(Paper.MM58, Language.ZH, ReceiptFixtures.receipt(null)));

        assertThat(items.getLast()).isEqualTo(new Command("CUT_PARTIAL", -1));
        assertThat(items.subList(items.size() - 5, items.size() - 1))
                .allMatch(item -> item instanceof Line line && line.text().isEmpty());
        assertThat(items.stream().filter(item -> item.equals(new Command("CUT_PARTIAL", -1)))).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Paper.class)
    void aReceiptCarriesItsNumberAsCode128WithTwoDotModulesWhereItFits(Paper paper) {
        List<Item> items = EscPosReader.read(render(paper, Language.ZH, ReceiptFixtures.receipt(null)));

        Barcode barcode = EscPosReader.all(items, Barcode.class).getFirst();
        assertThat(barcode.system()).isEqualTo(73);
        assertThat(barcode.text()).isEqualTo(ReceiptFixtures.RECEIPT.value());
        assertThat(barcode.data()).startsWith("{B");
        assertThat(barcode.moduleWidth()).isEqualTo(2);
        assertThat((11 * (barcode.symbols() + 2) + 13) * barcode.moduleWidth()).isLessThanOrEqualTo(paper.dots());
        assertThat(EscPosReader.all(items, Qr.class)).isEmpty();
    }

    @Test
    void theDigitsAtTheEndOfAReceiptNumberGoInCodeSetCToSaveWidth() {
        PrintDocument.Code128 code = new PrintDocument.Code128("S001-T1-1-000042");

        assertThat(Code128Data.encode(code.data()).data()).isEqualTo("{BS001-T1-1-{C" + (char) 0 + (char) 0 + (char) 42);
        assertThat(Code128Data.encode(code.data()).symbols()).isEqualTo(14);
        assertThat(Code128Data.encode("6901234567892").data()).startsWith("{B6{C");
        assertThat(Code128Data.encode("AB{C").data()).isEqualTo("{BAB{{C");
    }

    @Test
    void aReceiptNumberTooWideForCode128BecomesAModel2QrCode() {
        SaleCompleted sale = ReceiptFixtures.sale();
        ReceiptNo longer = new ReceiptNo("S0012-T12-3-0000421");
        SaleCompleted longNumber = new SaleCompleted(sale.saleId(), longer, sale.memberId(), sale.currency(), sale.lines(),
                sale.promotionsApplied(), sale.subtotal(), sale.discountTotal(), sale.total(), sale.tenders(), sale.change(),
                sale.priceListVersion(), sale.cashier());

        List<Item> items = EscPosReader.read(render(Paper.MM58, Language.EN,
                new SaleReceipt(longNumber, ReceiptFixtures.TILL, ReceiptFixtures.SOLD_AT, null, null)));

        Qr qr = EscPosReader.all(items, Qr.class).getFirst();
        assertThat(qr.model()).as("GS ( k function 165: 50 is model 2 (escpos-coffee sends 48)").isEqualTo(50);
        assertThat(qr.data()).isEqualTo(longer.value());
        assertThat(qr.align()).isEqualTo(1);
        assertThat(EscPosReader.all(items, Barcode.class)).isEmpty();
    }

    @Test
    void aStoreThatScansQrCodesGetsAQrCodeEvenWhereCode128Fits() {
        ReceiptFormat format = ReceiptFixtures.format(Paper.MM80, Language.EN, CodePage.GB18030, ReceiptCode.QR);
        List<Item> items = EscPosReader.read(new EscPosRenderer(Paper.MM80, CodePage.GB18030, QrPrinting.NATIVE)
                .render(ReceiptFixtures.receipt(null).layout(format)));

        assertThat(EscPosReader.all(items, Qr.class)).singleElement()
                .satisfies(qr -> assertThat(qr.data()).isEqualTo(ReceiptFixtures.RECEIPT.value()));
        assertThat(EscPosReader.all(items, Barcode.class)).isEmpty();
    }

    @Test
    void aRasterQrCodeReadsBackAsTheReceiptNumber() {
        ReceiptFormat format = ReceiptFixtures.format(Paper.MM58, Language.ZH, CodePage.GB18030, ReceiptCode.QR);
        List<Item> items = EscPosReader.read(new EscPosRenderer(Paper.MM58, CodePage.GB18030, QrPrinting.RASTER)
                .render(ReceiptFixtures.receipt(null).layout(format)));

        Raster raster = EscPosReader.all(items, Raster.class).getFirst();
        assertThat(raster.widthDots()).isLessThanOrEqualTo(Paper.MM58.dots());
        assertThat(QrCodes.decode(raster.image())).contains(ReceiptFixtures.RECEIPT.value());
        assertThat(EscPosReader.all(items, Qr.class)).isEmpty();
    }

    @Test
    void aReprintSaysSoAndWhenAndTheBalanceIsTheOneAtReprint() {
        List<String> lines = EscPosReader.lines(render(Paper.MM80, Language.ZH,
                ReceiptFixtures.receipt(Instant.parse("2026-11-24T01:00:00Z"))));
        List<String> original = EscPosReader.lines(render(Paper.MM80, Language.ZH, ReceiptFixtures.receipt(null)));

        assertThat(lines).contains("** 重印小票 **").anyMatch(l -> l.startsWith("重印时间") && l.endsWith("2026-11-24 09:00:00"))
                .anyMatch(l -> l.startsWith("积分余额(重印时)"));
        assertThat(original).noneMatch(l -> l.contains("重印"));
        assertThat(lines).containsAll(original.stream().filter(l -> !l.startsWith("积分余额")).toList());
    }

    @Test
    void theDrawerPulseIsEscPOnPinTwo() {
        List<Item> items = EscPosReader.read(EscPosRenderer.drawerPulse());

        assertThat(items).containsExactly(new Command("DRAWER_PULSE", 0));
        assertThat(Arrays.copyOf(EscPosRenderer.drawerPulse(), 2)).containsExactly(0x1B, 0x70);
    }

    private static byte[] render(Paper paper, Language language, Printout printout) {
        return new EscPosRenderer(paper, CodePage.GB18030, QrPrinting.NATIVE)
                .render(printout.layout(ReceiptFixtures.format(paper, language)));
    }
}
