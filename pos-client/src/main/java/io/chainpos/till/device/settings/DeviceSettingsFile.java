package io.chainpos.till.device.settings;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

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
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> entry : given.entrySet()) {
            if (!KEYS.containsKey(entry.getKey())) {
                problems.add("unknown setting '" + entry.getKey() + "' (the settings are " + String.join(", ", KEYS.keySet()) + ")");
            } else {
                values.put(entry.getKey(), entry.getValue() == null ? "" : entry.getValue().strip());
            }
        }
        Values v = new Values(values, problems);
        DeviceSettings.Transport transport = v.get("printer.transport",
                s -> enumValue(DeviceSettings.Transport.class, s, "file, usb, serial, tcp or none"));
        String address = v.get("printer.address", s -> address(transport, s));
        Integer printerBaud = v.get("printer.baud", DeviceSettingsFile::baud);
        Paper paper = v.get("printer.paper", s -> Paper.ofMillimetres(number(s, 1, 1000)));
        CodePage codePage = v.get("printer.codepage", CodePage::ofName);
        QrPrinting qr = v.get("printer.qr", QrPrinting::ofName);
        ReceiptCode receiptCode = v.get("printer.receiptCode", ReceiptCode::ofName);
        Boolean readStatus = v.get("printer.status", DeviceSettingsFile::onOff);
        Integer timeout = v.get("printer.timeoutMillis", s -> number(s, 100, 60_000));
        Integer retry = v.get("printer.retrySeconds", s -> number(s, 1, 600));
        Language language = v.get("receipt.language", Language::ofCode);
        List<String> header = v.get("receipt.header", DeviceSettingsFile::lines);
        List<String> footer = v.get("receipt.footer", DeviceSettingsFile::lines);
        String scannerPort = v.get("scanner.port", s -> s);
        Integer scannerBaud = v.get("scanner.baud", DeviceSettingsFile::baud);
        ScanSuffix suffix = v.get("scanner.suffix", ScanSuffix::ofName);
        Integer wedgeGap = v.get("scanner.wedgeGapMillis", s -> number(s, 1, 500));
        Integer wedgeLength = v.get("scanner.wedgeMinLength", s -> number(s, 2, 64));
        String displayPort = v.get("display.port", s -> s);
        Integer displayBaud = v.get("display.baud", DeviceSettingsFile::baud);
        Integer columns = v.get("display.columns", s -> number(s, 8, 40));
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(file.toString(), problems);
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
            case USB -> required(address, "a USB printer needs its device file, e.g. /dev/usb/lp0");
            case SERIAL -> required(address, "a serial printer needs its port, e.g. /dev/ttyUSB0 or COM3");
            case TCP -> {
                required(address, "a network printer needs its address, e.g. 192.168.1.50:9100");
                int colon = address.lastIndexOf(':');
                if (colon == 0) {
                    throw new IllegalArgumentException("a network printer's address needs a host before the port: " + address);
                }
                if (colon > 0) {
                    number(address.substring(colon + 1), 1, 65_535);
                }
                yield address;
            }
        };
    }

    private static String required(String value, String sentence) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(sentence);
        }
        return value;
    }

    private static int baud(String text) {
        int baud = number(text, 1, 1_000_000);
        if (!BAUD_RATES.contains(baud)) {
            throw new IllegalArgumentException(baud + " is not a serial baud rate; use one of "
                    + BAUD_RATES.stream().sorted().map(String::valueOf).toList());
        }
        return baud;
    }

    private static int number(String text, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number", e);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " is outside " + min + " to " + max);
        }
        return value;
    }

    private static boolean onOff(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException("on or off, not '" + text + "'");
        };
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.stream(text.split("\n")).map(String::strip).toList();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String choices) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(choices + ", not '" + text + "'", e);
        }
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

    /** Parses one value after another, keeping each problem under its key. */
    private record Values(Map<String, String> values, List<String> problems) {
        <T> T get(String key, Function<String, T> parse) {
            try {
                return parse.apply(values.get(key));
            } catch (IllegalArgumentException e) {
                problems.add(key + ": " + e.getMessage());
                return null;
            }
        }
    }
}
