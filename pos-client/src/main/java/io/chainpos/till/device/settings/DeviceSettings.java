package io.chainpos.till.device.settings;

import io.chainpos.till.device.printer.CodePage;
import io.chainpos.till.device.printer.Language;
import io.chainpos.till.device.printer.Paper;
import io.chainpos.till.device.printer.QrPrinting;
import io.chainpos.till.device.printer.ReceiptCode;
import io.chainpos.till.device.scanner.ScanSuffix;
import io.chainpos.till.device.scanner.WedgeTiming;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The counter hardware of one till, as kept in {@code devices.properties} in the till's data folder and edited
 * through the settings screen (or by hand). {@link DeviceSettingsFile} reads and writes it.
 */
public record DeviceSettings(Printer printer, Receipt receipt, Scanner scanner, Display display) {

    public DeviceSettings {
        Objects.requireNonNull(printer, "printer");
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(scanner, "scanner");
        Objects.requireNonNull(display, "display");
    }

    /** How the receipt printer is reached. */
    public enum Transport { NONE, FILE, USB, SERIAL, TCP }

    /**
     * The receipt printer: {@code address} is a file path (FILE), a device file such as {@code /dev/usb/lp0}
     * (USB), a serial port such as {@code /dev/ttyUSB0} or {@code COM3} (SERIAL), or {@code host[:port]} (TCP).
     */
    public record Printer(Transport transport, String address, int baud, Paper paper, CodePage codePage, QrPrinting qr,
                          ReceiptCode receiptCode, boolean readStatus, Duration timeout, Duration retryEvery) {
        public Printer {
            Objects.requireNonNull(transport, "transport");
            address = address == null ? "" : address.strip();
            Objects.requireNonNull(paper, "paper");
            Objects.requireNonNull(codePage, "codePage");
            Objects.requireNonNull(qr, "qr");
            Objects.requireNonNull(receiptCode, "receiptCode");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(retryEvery, "retryEvery");
        }

        public String tcpHost() {
            int colon = address.lastIndexOf(':');
            return colon < 0 ? address : address.substring(0, colon);
        }

        /** The TCP port, 9100 (the raw printing port) when the address names none. */
        public int tcpPort() {
            int colon = address.lastIndexOf(':');
            return colon < 0 ? 9100 : Integer.parseInt(address.substring(colon + 1));
        }
    }

    /** What receipts say: their language, and the store's header and footer lines. */
    public record Receipt(Language language, List<String> header, List<String> footer) {
        public Receipt {
            Objects.requireNonNull(language, "language");
            header = List.copyOf(header);
            footer = List.copyOf(footer);
        }
    }

    /** A serial scanner's port (empty: keyboard-wedge scanners only), and how wedge scanners are told from people. */
    public record Scanner(String port, int baud, ScanSuffix suffix, WedgeTiming wedge) {
        public Scanner {
            port = port == null ? "" : port.strip();
            Objects.requireNonNull(suffix, "suffix");
            Objects.requireNonNull(wedge, "wedge");
        }

        public boolean serial() {
            return !port.isEmpty();
        }
    }

    /** The customer pole display's port (empty: none), baud rate and characters per line. */
    public record Display(String port, int baud, int columns) {
        public Display {
            port = port == null ? "" : port.strip();
        }

        public boolean present() {
            return !port.isEmpty();
        }
    }

    /** A new till's settings: receipts go to a file in the data folder until a printer is set up. */
    public static DeviceSettings defaults(Path dataFolder) {
        return new DeviceSettings(
                new Printer(Transport.FILE, dataFolder.resolve("receipts.escpos").toString(), 9600, Paper.MM80,
                        CodePage.GB18030, QrPrinting.NATIVE, ReceiptCode.AUTO, true, Duration.ofSeconds(3),
                        Duration.ofSeconds(5)),
                new Receipt(Language.ZH, List.of("ChainPOS"), List.of("谢谢惠顾，欢迎再来")),
                new Scanner("", 9600, ScanSuffix.CR, WedgeTiming.DEFAULT),
                new Display("", 9600, 20));
    }
}
