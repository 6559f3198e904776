package io.chainpos.till.device.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.till.TillWords;
import io.chainpos.till.device.printer.Language;
import io.chainpos.till.device.printer.Paper;
import io.chainpos.till.device.printer.ReceiptCode;
import io.chainpos.till.device.scanner.ScanSuffix;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceSettingsFileTest {
    @TempDir
    Path data;

    @Test
    void aNewTillPrintsToAFileInItsDataFolder() throws Exception {
        DeviceSettings settings = new DeviceSettingsFile(data).load();

        assertThat(settings).isEqualTo(DeviceSettings.defaults(data));
        assertThat(settings.printer().transport()).isEqualTo(DeviceSettings.Transport.FILE);
        assertThat(settings.printer().address()).isEqualTo(data.resolve("receipts.escpos").toString());
        assertThat(settings.scanner().serial()).isFalse();
        assertThat(settings.display().present()).isFalse();
    }

    @Test
    void whatIsSavedLoadsBackTheSameChineseHeaderIncluded() throws Exception {
        DeviceSettingsFile file = new DeviceSettingsFile(data);
        DeviceSettings edited = file.parse(values(
                "printer.transport", "tcp", "printer.address", "192.168.1.50", "printer.paper", "58",
                "printer.receiptCode", "qr", "receipt.language", "en",
                "receipt.header", "全家便利 中山路店\n上海市中山路100号\\n", "receipt.footer", " 谢谢惠顾 ",
                "scanner.port", "/dev/ttyACM0", "scanner.baud", "115200", "scanner.suffix", "crlf",
                "display.port", "COM5"));

        file.save(edited);

        assertThat(file.load()).isEqualTo(edited);
        assertThat(edited.printer().tcpHost()).isEqualTo("192.168.1.50");
        assertThat(edited.printer().tcpPort()).isEqualTo(9100);
        assertThat(edited.printer().paper()).isEqualTo(Paper.MM58);
        assertThat(edited.printer().receiptCode()).isEqualTo(ReceiptCode.QR);
        assertThat(edited.receipt().language()).isEqualTo(Language.EN);
        assertThat(edited.receipt().header()).containsExactly("全家便利 中山路店", "上海市中山路100号\\n");
        assertThat(edited.scanner().suffix()).isEqualTo(ScanSuffix.CRLF);
        assertThat(Files.readString(file.path(), StandardCharsets.UTF_8))
                .contains("printer.transport=tcp", "receipt.header=全家便利 中山路店\\n上海市中山路100号\\\\n",
                        "# Paper width in mm: 80 (48 columns) or 58 (32 columns).");
    }

    private static Map<String, String> values(String... keysAndValues) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    @Test
    void anOwnerEditingTheFileByHandGetsEveryMistakeNamedByItsKey() throws Exception {
        DeviceSettingsFile file = new DeviceSettingsFile(data);
        Files.writeString(file.path(), """
                printer.transport=usb
                printer.paper=76
                printer.adress=/dev/usb/lp0
                scanner.baud=9601
                scanner.wedgeGapMillis=fast
                receipt.language=fr
                """, StandardCharsets.UTF_8);

        assertThatThrownBy(file::load).isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
            assertThat(e.problems()).extracting(problem -> TillWords.say(problem, Locale.ENGLISH)).containsExactlyInAnyOrder(
                    "There is no setting 'printer.adress' (the settings are printer.transport, printer.address, printer.baud, "
                            + "printer.paper, printer.codepage, printer.qr, printer.receiptCode, printer.status, "
                            + "printer.timeoutMillis, printer.retrySeconds, receipt.language, receipt.header, receipt.footer, "
                            + "scanner.port, scanner.baud, scanner.suffix, scanner.wedgeGapMillis, scanner.wedgeMinLength, "
                            + "display.port, display.baud, display.columns).",
                    "printer.address: a USB printer needs its device file, e.g. /dev/usb/lp0.",
                    "printer.paper: 58 / 80, not '76'.",
                    "scanner.baud: 9601 is not a serial baud rate; use one of 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200.",
                    "scanner.wedgeGapMillis: 'fast' is not a whole number.",
                    "receipt.language: zh / en, not 'fr'.");
            assertThat(e.problems()).extracting(problem -> TillWords.say(problem, Locale.SIMPLIFIED_CHINESE)).contains(
                    "printer.address：USB 打印机需要填写设备文件，如 /dev/usb/lp0。",
                    "scanner.baud：9601 不是串口波特率，请用其中之一：1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200。");
            assertThat(e.getMessage()).startsWith(file.path() + ": ");
        });
    }

    @Test
    void networkAndSerialAddressesAreCheckedAndAFilePathIsTakenRelativeToTheDataFolder() throws Exception {
        DeviceSettingsFile file = new DeviceSettingsFile(data);

        assertThat(problems(file, Map.of("printer.transport", "tcp", "printer.address", "10.0.0.9:91000")))
                .containsExactly("printer.address: 91000 is outside 1 to 65535.");
        assertThat(problems(file, Map.of("printer.transport", "tcp", "printer.address", ":9100")))
                .containsExactly("printer.address: a network printer's address needs a host before the port, not ':9100'.");
        assertThat(problems(file, Map.of("printer.transport", "serial")))
                .containsExactly("printer.address: a serial printer needs its port, e.g. /dev/ttyUSB0 or COM3.");
        assertThat(problems(file, Map.of("printer.transport", "bluetooth")))
                .containsExactly("printer.transport: file / usb / serial / tcp / none, not 'bluetooth'.");
        assertThat(problems(file, Map.of("printer.status", "maybe")))
                .containsExactly("printer.status: on or off, not 'maybe'.");
        assertThat(file.parse(Map.of("printer.address", "out/receipts.bin")).printer().address())
                .isEqualTo(data.resolve("out/receipts.bin").toString());
        DeviceSettings serial = file.parse(Map.of("printer.transport", "serial", "printer.address", "COM3",
                "printer.baud", "19200", "printer.status", "off", "printer.retrySeconds", "10"));
        assertThat(serial.printer().readStatus()).isFalse();
        assertThat(serial.printer().retryEvery()).isEqualTo(Duration.ofSeconds(10));
        assertThat(serial.printer().baud()).isEqualTo(19200);
        assertThat(DeviceSettingsFile.values(serial).keySet()).hasSize(21);
        assertThat(List.copyOf(DeviceSettingsFile.values(serial).keySet()).getFirst()).isEqualTo("printer.transport");
    }

    private static List<String> problems(DeviceSettingsFile file, Map<String, String> values) {
        try {
            file.parse(values);
            return List.of();
        } catch (InvalidSettingsException e) {
            return e.problems().stream().map(problem -> TillWords.say(problem, Locale.ENGLISH)).toList();
        }
    }
}
