package io.chainpos.till.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanFramingTest {

    @Test
    void codesAreCutAtTheSuffixHoweverTheBytesArrive() {
        ScanFraming framing = new ScanFraming(ScanSuffix.CR);
        List<String> codes = new ArrayList<>();

        codes.addAll(feed(framing, "69012"));
        codes.addAll(feed(framing, "34567892\r6901"));
        codes.addAll(feed(framing, "234567892\rCPM1:880000000017:05\r"));

        assertThat(codes).containsExactly("6901234567892", "6901234567892", "CPM1:880000000017:05");
    }

    @Test
    void aScannerSendingCrLfWhenSetToCrStillGivesCleanCodes() {
        ScanFraming framing = new ScanFraming(ScanSuffix.CR);

        assertThat(feed(framing, "123456\r\n654321\r\n")).containsExactly("123456", "654321");
        assertThat(feed(new ScanFraming(ScanSuffix.CRLF), "12\r34\r\n")).containsExactly("1234");
        assertThat(feed(new ScanFraming(ScanSuffix.TAB), "\t\tABC\t")).containsExactly("ABC");
    }

    @Test
    void aRunawayLineWithoutSuffixIsDroppedNotKeptForEver() {
        ScanFraming framing = new ScanFraming(ScanSuffix.CR);

        assertThat(feed(framing, "x".repeat(5000))).isEmpty();
        assertThat(feed(framing, "123\r")).as("the end of the runaway line").isEmpty();
        assertThat(feed(framing, "456\r")).containsExactly("456");
    }

    private static List<String> feed(ScanFraming framing, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return framing.accept(bytes, bytes.length);
    }
}
