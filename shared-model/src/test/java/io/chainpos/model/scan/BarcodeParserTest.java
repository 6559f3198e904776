package io.chainpos.model.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.id.CardNo;
import io.chainpos.model.member.MemberCode;
import org.junit.jupiter.api.Test;

class BarcodeParserTest {
    private final BarcodeParser parser = new BarcodeParser(ScaleLayout.DEFAULT);

    @Test
    void retailBarcodesAreReadWithTheirCheckDigits() {
        assertThat(parser.parse("6901234567892")).isEqualTo(new Scan.ProductCode("6901234567892", Scan.Symbology.EAN_13));
        assertThat(parser.parse("96385074")).isEqualTo(new Scan.ProductCode("96385074", Scan.Symbology.EAN_8));
        assertThat(parser.parse(" 036000291452 ")).isEqualTo(new Scan.ProductCode("036000291452", Scan.Symbology.UPC_A));
        assertThat(((Scan.ProductCode) parser.parse("036000291452")).lookupForms()).containsExactly("036000291452", "0036000291452");
    }

    @Test
    void aWrongCheckDigitIsNamedNotThrown() {
        Scan bad = parser.parse("6901234567893");

        assertThat(bad).isEqualTo(new Scan.BadCheckDigit("6901234567893", Scan.Symbology.EAN_13));
        assertThat(parser.parse("96385075")).isInstanceOf(Scan.BadCheckDigit.class);
    }

    @Test
    void otherCodesAreCode128AndGarbageIsAMessage() {
        assertThat(parser.parse("ABC-123/x")).isEqualTo(new Scan.ProductCode("ABC-123/x", Scan.Symbology.CODE_128));
        assertThat(parser.parse("100002")).isEqualTo(new Scan.ProductCode("100002", Scan.Symbology.CODE_128));
        assertThat(parser.parse("")).isEqualTo(new Scan.Unreadable(Scan.Unreadable.Why.NOTHING_SCANNED, ""));
        assertThat(parser.parse("a\u0007b")).isInstanceOf(Scan.Unreadable.class);
        assertThat(parser.parse("中文")).isInstanceOf(Scan.Unreadable.class);
    }

    @Test
    void scaleLabelsCarryTheItemAndThePriceOrWeight() {
        String data = "22" + "00010" + "01234"; // flag, item code, price 12.34
        String label = data + BarcodeParser.checkDigit(data);
        assertThat(parser.parse(label)).isEqualTo(new Scan.ScaleLabel("00010", ScaleLayout.Value.PRICE, 1234, label));

        ScaleLayout weights = new ScaleLayout("21", 2, 5, 7, 5, ScaleLayout.Value.WEIGHT);
        String w = "210001200750";
        String weighed = w + BarcodeParser.checkDigit(w);
        assertThat(new BarcodeParser(weights).parse(weighed))
                .isEqualTo(new Scan.ScaleLabel("00012", ScaleLayout.Value.WEIGHT, 750, weighed));
    }

    @Test
    void aMemberQrSelectsTheMemberAndADamagedOneSaysSo() {
        String qr = MemberCode.encode(new CardNo("880000000001"));

        assertThat(parser.parse(qr)).isEqualTo(new Scan.MemberQr(new CardNo("880000000001")));
        assertThat(parser.parse(qr.replace("880000000001", "880000000002"))).isInstanceOf(Scan.Unreadable.class);
    }
}
