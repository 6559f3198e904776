package io.chainpos.till.device.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.till.device.printer.CodePage;
import io.chainpos.till.device.printer.Language;
import io.chainpos.till.device.serial.SerialLine;
import io.chainpos.till.testing.SocatPair;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A two-line pole display on a socat pseudo-terminal: what the customer would read, line by line. */
class SerialPoleDisplayTest {
    private static final Charset GB18030 = CodePage.GB18030.charset();
    @TempDir
    Path dir;

    @Test
    void theCustomerSeesTheLastItemAndTheTotalThenWhatWasPaidAndTheChange() throws Exception {
        try (SocatPair cable = new SocatPair(dir).plugIn();
             SerialLine displaySide = SerialLine.open(cable.testEnd().toString(), 9600, Duration.ofMillis(50),
                     Duration.ofSeconds(1));
             SerialPoleDisplay display = new SerialPoleDisplay(cable.devicePort(), 9600, 20, Language.ZH)) {
            ByteArrayOutputStream received = new ByteArrayOutputStream();

            display.showItem("可口可乐 330ml", 700, 2300, "CNY");
            display.showPaid(5000, 2700, "CNY");

            await().untilAsserted(() -> assertThat(screens(read(displaySide, received))).hasSize(2));
            List<String[]> screens = screens(received.toByteArray());
            assertThat(screens.get(0)).containsExactly("可口可乐 330ml  7.00", "合计           23.00");
            assertThat(screens.get(1)).containsExactly("实收           50.00", "找零           27.00");
            assertThat(received.toByteArray()).startsWith(0x1B, 0x40);
            for (String[] screen : screens) {
                assertThat(screen).allMatch(line -> line.getBytes(GB18030).length == 20);
            }
        }
    }

    @Test
    void anUnpluggedDisplayIsTriedAgainAtTheNextUpdate() throws Exception {
        SocatPair cable = new SocatPair(dir);
        try (SerialPoleDisplay display = new SerialPoleDisplay(cable.devicePort(), 9600, 20, Language.EN)) {
            display.welcome();
            cable.plugIn();
            try (SerialLine displaySide = SerialLine.open(cable.testEnd().toString(), 9600, Duration.ofMillis(50),
                    Duration.ofSeconds(1))) {
                ByteArrayOutputStream received = new ByteArrayOutputStream();

                display.showItem("Wholemeal bread, sliced", 800, 800, "CNY");

                await().untilAsserted(() -> assertThat(screens(read(displaySide, received))).hasSize(1));
                assertThat(screens(received.toByteArray()).getFirst())
                        .containsExactly("Wholemeal bread 8.00", "TOTAL           8.00");
            }
        } finally {
            cable.close();
        }
    }

    @Test
    void betweenCustomersItWelcomesTheNextOne() {
        assertThat(new PoleDisplayText(20, Language.ZH).welcome()).containsExactly("      欢迎光临      ", " ".repeat(20));
        assertThat(new PoleDisplayText(20, Language.EN).welcome()).containsExactly("      WELCOME       ", " ".repeat(20));
    }

    private static byte[] read(SerialLine line, ByteArrayOutputStream received) throws IOException {
        byte[] buffer = new byte[512];
        received.write(buffer, 0, line.read(buffer));
        return received.toByteArray();
    }

    /** Splits what the display received at each clear (0x0C) into its two lines, each placed by US $ x y. */
    private static List<String[]> screens(byte[] bytes) {
        List<String[]> screens = new ArrayList<>();
        int i = 0;
        while (i < bytes.length) {
            if (bytes[i] != 0x0C) {
                i++;
                continue;
            }
            String[] lines = new String[2];
            i++;
            for (int row = 0; row < 2; row++) {
                if (i + 4 > bytes.length || bytes[i] != 0x1F || bytes[i + 1] != 0x24 || bytes[i + 3] != row + 1) {
                    return screens;
                }
                i += 4;
                int start = i;
                while (i < bytes.length && bytes[i] != 0x1F && bytes[i] != 0x0C) {
                    i++;
                }
                lines[row] = new String(bytes, start, i - start, GB18030);
            }
            if (lines[1].getBytes(GB18030).length == 20) {
                screens.add(lines);
            }
        }
        return screens;
    }
}
