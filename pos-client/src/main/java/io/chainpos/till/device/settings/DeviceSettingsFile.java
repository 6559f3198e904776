package io.chainpos.till.device.settings;

import static io.chainpos.till.settings.SettingValues.number;
import static io.chainpos.till.settings.SettingValues.oneOf;

import io.chainpos.till.TillMessage.Code;
import io.chainpos.till.settings.SettingValues;

import io.chainpos.till.device.printer.CodePage;
import io.chainpos.till.device.printer.Language;
import io.chainpos.till.device.printer.Paper;
import io.chainpos.till.device.printer.QrPrinting;
import io.chainpos.till.device.printer.ReceiptCode;
import io.chainpos.till.device.scanner.ScanSuffix;
import io.chainpos.till.device.scanner.WedgeTiming;
import io.chainpos.till.security.OwnerOnly;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Reads and writes {@code devices.properties} in the till's data folder: UTF-8 {@code key=value} lines with a
 * comment above each key. A key left out takes its default; a bad value or an unknown key is refused with a
 * sentence naming the key, all problems at once, so the owner fixes the file in one go.
 */
public final class DeviceSettingsFile {
    public static final String FILE_NAME = "devices.properties";
    private static final Set<Integer> BAUD_RATES = Set.of(1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200);

    private static final Map<String, String> KEYS = SettingKeys.DESCRIBED;

    private final Path dataFolder;
    private final Path file;

    public DeviceSettingsFile(Path dataFolder) {
        this.dataFolder = dataFolder;
        this.file = dataFolder.resolve(FILE_NAME);
    }

    public Path path() {
        return file;
    }

    /** The settings in the file, or the defaults when there is no file yet. */
    public DeviceSettings load() throws IOException, InvalidSettingsException {
        if (!Files.exists(file)) {
            return DeviceSettings.defaults(dataFolder);
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return parse(values);
    }

    /** Writes the settings, replacing the file only once the new one is complete. */
    public void save(DeviceSettings settings) throws IOException {
        Files.createDirectories(dataFolder);
        Path temporary = file.resolveSibling(FILE_NAME + ".new");
        Files.deleteIfExists(temporary);
        OwnerOnly.createFile(temporary); // owner-only from the start, and so the file it replaces
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            out.write("# ChainPOS counter hardware for this till. Edit through the settings screen, or here and restart.\n");
            out.write("# On Windows write paths with forward slashes: C:/ChainPOS/receipts.escpos\n");
            for (Map.Entry<String, String> entry : values(settings).entrySet()) {
                out.write("\n# " + KEYS.get(entry.getKey()).replace("\n", "\n# ") + "\n");
                out.write(entry.getKey() + "=" + escape(entry.getValue()) + "\n");
            }
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The settings as text values by key, in file order: what the file and the settings screen show. */
    public static Map<String, String> values(DeviceSettings settings) {
        DeviceSettings.Printer printer = settings.printer();
        DeviceSettings.Receipt receipt = settings.receipt();
        DeviceSettings.Scanner scanner = settings.scanner();
        DeviceSettings.Display display = settings.display();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("printer.transport", lower(printer.transport()));
        values.put("printer.address", printer.address());
        values.put("printer.baud", Integer.toString(printer.baud()));
        values.put("printer.paper", Integer.toString(printer.paper().millimetres()));
        values.put("printer.codepage", lower(printer.codePage()));
        values.put("printer.qr", lower(printer.qr()));
        values.put("printer.receiptCode", lower(printer.receiptCode()));
        values.put("printer.status", printer.readStatus() ? "on" : "off");
        values.put("printer.timeoutMillis", Long.toString(printer.timeout().toMillis()));
        values.put("printer.retrySeconds", Long.toString(printer.retryEvery().toSeconds()));
        values.put("receipt.language", receipt.language().code());
        values.put("receipt.header", String.join("\n", receipt.header()));
        values.put("receipt.footer", String.join("\n", receipt.footer()));
        values.put("scanner.port", scanner.port());
        values.put("scanner.baud", Integer.toString(scanner.baud()));
        values.put("scanner.suffix", lower(scanner.suffix()));
        values.put("scanner.wedgeGapMillis", Long.toString(scanner.wedge().maxGap().toMillis()));
        values.put("scanner.wedgeMinLength", Integer.toString(scanner.wedge().minLength()));
        values.put("display.port", display.port());
        values.put("display.baud", Integer.toString(display.baud()));
        values.put("display.columns", Integer.toString(display.columns()));
        return values;
    }

    /** Settings from text values by key (missing keys take their defaults), or every problem with them. */
    public DeviceSettings parse(Map<String, String> given) throws InvalidSettingsException {
        Map<String, String> values = new LinkedHashMap<>(values(DeviceSettings.defaults(dataFolder)));
        // the default address is the default transport's (a file in the data folder); another transport needs its own
        values.put("printer.address", "");
        SettingValues v = new SettingValues();
        for (Map.Entry<String, String> entry : given.entrySet()) {
            if (!KEYS.containsKey(entry.getKey())) {
                v.unknown(entry.getKey(), String.join(", ", KEYS.keySet()));
            } else {
                values.put(entry.getKey(), entry.getValue() == null ? "" : entry.getValue().strip());
            }
        }
        DeviceSettings.Transport transport = v.read("printer.transport", values.get("printer.transport"),
                s -> oneOf(s, t -> Enum.valueOf(DeviceSettings.Transport.class, t.toUpperCase(Locale.ROOT)),
                        "file / usb / serial / tcp / none"));
        String address = v.read("printer.address", values.get("printer.address"), s -> address(transport, s));
        Integer printerBaud = v.read("printer.baud", values.get("printer.baud"), DeviceSettingsFile::baud);
        Paper paper = v.read("printer.paper", values.get("printer.paper"),
                s -> oneOf(s, t -> Paper.ofMillimetres(number(t, 1, 1000)), "58 / 80"));
        CodePage codePage = v.read("printer.codepage", values.get("printer.codepage"),
                s -> oneOf(s, CodePage::ofName, "gb18030 / cp437"));
        QrPrinting qr = v.read("printer.qr", values.get("printer.qr"), s -> oneOf(s, QrPrinting::ofName, "native / raster"));
        ReceiptCode receiptCode = v.read("printer.receiptCode", values.get("printer.receiptCode"),
                s -> oneOf(s, ReceiptCode::ofName, "auto / qr"));
        Boolean readStatus = v.read("printer.status", values.get("printer.status"), SettingValues::onOff);
        Integer timeout = v.read("printer.timeoutMillis", values.get("printer.timeoutMillis"), s -> number(s, 100, 60_000));
        Integer retry = v.read("printer.retrySeconds", values.get("printer.retrySeconds"), s -> number(s, 1, 600));
        Language language = v.read("receipt.language", values.get("receipt.language"),
                s -> oneOf(s, Language::ofCode, "zh / en"));
        List<String> header = v.read("receipt.header", values.get("receipt.header"), DeviceSettingsFile::lines);
        List<String> footer = v.read("receipt.footer", values.get("receipt.footer"), DeviceSettingsFile::lines);
        String scannerPort = values.get("scanner.port");
        Integer scannerBaud = v.read("scanner.baud", values.get("scanner.baud"), DeviceSettingsFile::baud);
        ScanSuffix suffix = v.read("scanner.suffix", values.get("scanner.suffix"),
                s -> oneOf(s, ScanSuffix::ofName, "cr / lf / crlf / tab"));
        Integer wedgeGap = v.read("scanner.wedgeGapMillis", values.get("scanner.wedgeGapMillis"), s -> number(s, 1, 500));
        Integer wedgeLength = v.read("scanner.wedgeMinLength", values.get("scanner.wedgeMinLength"), s -> number(s, 2, 64));
        String displayPort = values.get("display.port");
        Integer displayBaud = v.read("display.baud", values.get("display.baud"), DeviceSettingsFile::baud);
        Integer columns = v.read("display.columns", values.get("display.columns"), s -> number(s, 8, 40));
        if (!v.problems().isEmpty()) {
            throw new InvalidSettingsException(file.toString(), v.problems());
        }
        return new DeviceSettings(
                new DeviceSettings.Printer(transport, address, printerBaud, paper, codePage, qr, receiptCode, readStatus,
                        Duration.ofMillis(timeout), Duration.ofSeconds(retry)),
                new DeviceSettings.Receipt(language, header, footer),
                new DeviceSettings.Scanner(scannerPort, scannerBaud, suffix,
                        new WedgeTiming(Duration.ofMillis(wedgeGap), wedgeLength)),
                new DeviceSettings.Display(displayPort, displayBaud, columns));
    }

    private String address(DeviceSettings.Transport transport, String address) {
        if (transport == null) {
            return address;
        }
        return switch (transport) {
            case NONE -> address;
            case FILE -> address.isEmpty() ? dataFolder.resolve("receipts.escpos").toString()
                    : dataFolder.resolve(address).toString();
            case USB -> required(address, Code.SETTING_USB_PRINTER_NEEDS_DEVICE);
            case SERIAL -> required(address, Code.SETTING_SERIAL_PRINTER_NEEDS_PORT);
            case TCP -> {
                required(address, Code.SETTING_NETWORK_PRINTER_NEEDS_ADDRESS);
                int colon = address.lastIndexOf(':');
                if (colon == 0) {
                    throw SettingValues.refused(Code.SETTING_NETWORK_PRINTER_NEEDS_HOST, address);
                }
                if (colon > 0) {
                    number(address.substring(colon + 1), 1, 65_535);
                }
                yield address;
            }
        };
    }

    private static String required(String value, Code missing) {
        if (value.isEmpty()) {
            throw SettingValues.refused(missing);
        }
        return value;
    }

    private static int baud(String text) {
        int baud = number(text, 1, 1_000_000);
        if (!BAUD_RATES.contains(baud)) {
            throw SettingValues.refused(Code.SETTING_NOT_BAUD, baud,
                    BAUD_RATES.stream().sorted().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
        }
        return baud;
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.stream(text.split("\n")).map(String::strip).toList();
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Writes a value so {@link Properties#load} reads it back exactly, newlines and backslashes included. */
    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case ' ' -> out.append(i == 0 ? "\\ " : " ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
