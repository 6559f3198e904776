package io.chainpos.till.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.till.device.serial.SerialLine;
import io.chainpos.till.testing.SocatPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A serial scanner on a socat pseudo-terminal pair: codes written into one end arrive as scans; unplug, replug. */
class SerialScannerTest {
    @TempDir
    Path dir;

    @Test
    void codesArriveAsScansAndTheScannerComesBackAfterBeingUnplugged() throws Exception {
        List<Scan> scans = new CopyOnWriteArrayList<>();
        List<SerialScanner.Connection> connections = new CopyOnWriteArrayList<>();
        SocatPair cable = new SocatPair(dir).plugIn();
        try (SerialScanner scanner = new SerialScanner(new SerialScanner.Settings(cable.devicePort(), 9600, ScanSuffix.CR,
                Duration.ofMillis(100)))) {
            scanner.onConnection(connections::add);
            scanner.start(scans::add);
            await().until(() -> scanner.connection().connected());

            try (SerialLine scannerSide = scannerSide(cable)) {
                scannerSide.write(ascii("6901234567892\r690123"));
                scannerSide.write(ascii("4567892\r"));
                await().untilAsserted(() -> assertThat(scans).hasSize(2));
            }
            await().untilAsserted(() -> assertThat(scans).extracting(Scan::code)
                    .containsExactly("6901234567892", "6901234567892"));

            cable.unplug();
            await().untilAsserted(() -> assertThat(scanner.connection().connected()).isFalse());
            assertThat(scanner.connection().detail()).contains("unplugged");

            cable.plugIn();
            await().until(() -> scanner.connection().connected());
            try (SerialLine scannerSide = scannerSide(cable)) {
                scannerSide.write(ascii("CPM1:880000000017:05\r"));
                await().untilAsserted(() -> assertThat(scans).hasSize(3));
            }
            await().untilAsserted(() -> assertThat(scans).extracting(Scan::code)
                    .containsExactly("6901234567892", "6901234567892", "CPM1:880000000017:05"));
            assertThat(scans).extracting(Scan::source).containsOnly(Scan.Source.SERIAL);
            assertThat(connections).extracting(SerialScanner.Connection::connected).containsSubsequence(true, false, true);
        } finally {
            cable.close();
        }
    }

    @Test
    void aScannerNotYetPluggedInIsWaitedFor() throws Exception {
        List<Scan> scans = new CopyOnWriteArrayList<>();
        SocatPair cable = new SocatPair(dir);
        try (SerialScanner scanner = new SerialScanner(new SerialScanner.Settings(cable.devicePort(), 115200,
                ScanSuffix.CRLF, Duration.ofMillis(100)))) {
            scanner.start(scans::add);
            await().untilAsserted(() -> assertThat(scanner.connection().detail()).startsWith("no serial port"));

            cable.plugIn();
            await().until(() -> scanner.connection().connected());
            try (SerialLine scannerSide = scannerSide(cable)) {
                scannerSide.write(ascii("100002\r\n"));
                await().untilAsserted(() -> assertThat(scans).extracting(Scan::code).containsExactly("100002"));
            }
        } finally {
            cable.close();
        }
    }

    /** The scanner's end of the cable, kept open while it writes: closing a pseudo-terminal drops what is unread. */
    private static SerialLine scannerSide(SocatPair cable) throws IOException {
        return SerialLine.open(cable.testEnd().toString(), 9600, Duration.ofMillis(50), Duration.ofSeconds(1));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
