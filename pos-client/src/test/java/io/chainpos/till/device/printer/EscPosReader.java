package io.chainpos.till.device.printer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads ESC/POS bytes back into what a printer would do with them: lines of text with their style, decoded in
 * the code page in force, and the commands (code page, barcode, QR code, raster image, cut, drawer pulse,
 * status request). A byte sequence it does not know fails the test: a receipt must not carry garbage.
 */
public final class EscPosReader {
    private static final Charset CP437 = Charset.forName("IBM437");
    private static final Charset GB18030 = Charset.forName("GB18030");

    sealed interface Item permits Line, Command, Barcode, Qr, Raster {
    }

    /** A printed line; {@code width}/{@code height} are the character magnification (1 or 2), align 0/1/2. */
    record Line(String text, boolean bold, int width, int height, int align) implements Item {
    }

    record Command(String name, int argument) implements Item {
    }

    record Barcode(int system, String data, int moduleWidth, int height, int hriPosition) implements Item {
        /** What a scanner reads: code set switches ({B, {C) applied, code set C bytes as two digits each. */
        String text() {
            StringBuilder text = new StringBuilder();
            char set = 'B';
            for (int i = 0; i < data.length(); i++) {
                char c = data.charAt(i);
                if (c == '{' && i + 1 < data.length() && data.charAt(i + 1) != '{') {
                    set = data.charAt(++i);
                } else if (c == '{') {
                    text.append('{');
                    i++;
                } else if (set == 'C') {
                    text.append("%02d".formatted((int) c));
                } else {
                    text.append(c);
                }
            }
            return text.toString();
        }

        /** Symbols between start and check: one a character in B, one a digit pair in C, one a code set switch. */
        int symbols() {
            int symbols = 0;
            boolean started = false;
            for (int i = 0; i < data.length(); i++) {
                if (data.charAt(i) == '{' && i + 1 < data.length() && data.charAt(i + 1) != '{') {
                    symbols += started ? 1 : 0;
                    started = true;
                    i++;
                } else {
                    symbols++;
                    i += data.charAt(i) == '{' ? 1 : 0;
                }
            }
            return symbols;
        }
    }

    record Qr(int model, int moduleSize, int errorCorrection, String data, int align) implements Item {
    }

    record Raster(int widthDots, int heightDots, byte[] bits) implements Item {
        BufferedImage image() {
            BufferedImage image = new BufferedImage(widthDots + 40, heightDots + 40, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    image.setRGB(x, y, 0xFFFFFF);
                }
            }
            int bytesPerRow = (widthDots + 7) / 8;
            for (int y = 0; y < heightDots; y++) {
                for (int x = 0; x < widthDots; x++) {
                    if ((bits[y * bytesPerRow + x / 8] & (0x80 >> (x % 8))) != 0) {
                        image.setRGB(x + 20, y + 20, 0);
                    }
                }
            }
            return image;
        }
    }

    private final byte[] bytes;
    private final List<Item> items = new ArrayList<>();
    private final ByteArrayOutputStream text = new ByteArrayOutputStream();
    private int pos;
    private boolean chinese;
    private int codeTable;
    private boolean bold;
    private int width = 1;
    private int height = 1;
    private int align;
    private int barcodeWidth = 3;
    private int barcodeHeight = 162;
    private int hri;
    private int qrModel;
    private int qrSize = 3;
    private int qrErrorCorrection = 48;
    private String qrData;

    private EscPosReader(byte[] bytes) {
        this.bytes = bytes;
    }

    static List<Item> read(byte[] bytes) {
        EscPosReader reader = new EscPosReader(bytes);
        reader.run();
        return List.copyOf(reader.items);
    }

    /** Only the printed lines' text. */
    public static List<String> lines(byte[] bytes) {
        return read(bytes).stream().filter(Line.class::isInstance).map(i -> ((Line) i).text()).toList();
    }

    /** What a scanner reads off the printout: each barcode's text and each QR code's data, in print order. */
    public static List<String> scannable(byte[] bytes) {
        return read(bytes).stream().<String>mapMulti((item, out) -> {
            if (item instanceof Barcode barcode) {
                out.accept(barcode.text());
            } else if (item instanceof Qr qr) {
                out.accept(qr.data());
            }
        }).toList();
    }

    static <T extends Item> List<T> all(List<Item> items, Class<T> type) {
        return items.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** A readable account of a printout, one item a line, for golden files. */
    static String dump(byte[] bytes) {
        return read(bytes).stream().map(EscPosReader::describe).collect(Collectors.joining("\n", "", "\n"));
    }

    private static String describe(Item item) {
        return switch (item) {
            case Line line -> "%s%s%s |%s|".formatted("LCR".charAt(line.align()), line.bold() ? " bold" : "",
                    line.width() == 1 && line.height() == 1 ? "" : " " + line.width() + "x" + line.height(), line.text());
            case Command command -> command.argument() < 0 ? command.name() : command.name() + " " + command.argument();
            case Barcode barcode -> "BARCODE system=%d module=%d height=%d hri=%d symbols=%d reads=%s".formatted(
                    barcode.system(), barcode.moduleWidth(), barcode.height(), barcode.hriPosition(), barcode.symbols(),
                    barcode.text());
            case Qr qr -> "QR model=%d module=%d ec=%d align=%d data=%s".formatted(qr.model(), qr.moduleSize(),
                    qr.errorCorrection(), qr.align(), qr.data());
            case Raster raster -> "RASTER %dx%d".formatted(raster.widthDots(), raster.heightDots());
        };
    }

    private void run() {
        while (pos < bytes.length) {
            int b = next();
            switch (b) {
                case 0x0A -> endLine();
                case 0x1B -> escape();
                case 0x1D -> groupSeparator();
                case 0x1C -> fileSeparator();
                case 0x10 -> dataLinkEscape();
                default -> {
                    if (b < 0x20) {
                        throw new AssertionError("unknown control byte 0x%02X at %d".formatted(b, pos - 1));
                    }
                    text.write(b);
                }
            }
        }
        if (text.size() > 0) {
            throw new AssertionError("text left unprinted at the end (no line feed): " + decode());
        }
    }

    private void escape() {
        int command = next();
        switch (command) {
            case 0x40 -> {
                bold = false;
                width = 1;
                height = 1;
                align = 0;
                chinese = false;
                codeTable = 0;
                items.add(new Command("INIT", -1));
            }
            case 0x74 -> {
                codeTable = next();
                items.add(new Command("CODE_TABLE", codeTable));
            }
            case 0x45 -> bold = (next() & 1) == 1;
            case 0x4D, 0x2D, 0x33 -> next();
            case 0x32 -> {
                // default line spacing
            }
            case 0x61 -> align = next() % 48;
            case 0x64 -> {
                int lines = next();
                for (int i = 0; i < lines; i++) {
                    endLine();
                }
            }
            case 0x70 -> {
                int pin = next();
                next();
                next();
                items.add(new Command("DRAWER_PULSE", pin % 48));
            }
            default -> throw new AssertionError("unknown ESC 0x%02X at %d".formatted(command, pos - 2));
        }
    }

    private void groupSeparator() {
        int command = next();
        switch (command) {
            case 0x21 -> {
                int size = next();
                width = (size >> 4) + 1;
                height = (size & 0x0F) + 1;
            }
            case 0x42, 0x66 -> next();
            case 0x68 -> barcodeHeight = next();
            case 0x77 -> barcodeWidth = next();
            case 0x48 -> hri = next() % 48;
            case 0x6B -> barcode();
            case 0x28 -> extended();
            case 0x76 -> raster();
            case 0x56 -> {
                int mode = next();
                if (mode == 65 || mode == 66) {
                    next();
                }
                items.add(new Command(mode % 48 == 0 || mode == 65 ? "CUT_FULL" : "CUT_PARTIAL", -1));
            }
            default -> throw new AssertionError("unknown GS 0x%02X at %d".formatted(command, pos - 2));
        }
    }

    private void fileSeparator() {
        int command = next();
        switch (command) {
            case 0x26 -> {
                chinese = true;
                items.add(new Command("CHINESE_MODE", 1));
            }
            case 0x2E -> {
                chinese = false;
                items.add(new Command("CHINESE_MODE", 0));
            }
            default -> throw new AssertionError("unknown FS 0x%02X at %d".formatted(command, pos - 2));
        }
    }

    private void dataLinkEscape() {
        int command = next();
        if (command != 0x04) {
            throw new AssertionError("unknown DLE 0x%02X at %d".formatted(command, pos - 2));
        }
        items.add(new Command("STATUS_REQUEST", next()));
    }

    private void barcode() {
        int system = next();
        if (system < 65) {
            throw new AssertionError("barcode form A (NUL-terminated) is not expected");
        }
        int length = next();
        String data = new String(bytes, pos, length, StandardCharsets.ISO_8859_1);
        pos += length;
        items.add(new Barcode(system, data, barcodeWidth, barcodeHeight, hri));
    }

    private void extended() {
        int function = next();
        if (function != 0x6B) {
            throw new AssertionError("unknown GS ( 0x%02X".formatted(function));
        }
        int length = next() + next() * 256;
        int end = pos + length;
        int cn = next();
        int fn = next();
        if (cn != 49) {
            throw new AssertionError("GS ( k for a symbol other than QR: cn=" + cn);
        }
        switch (fn) {
            case 65 -> qrModel = next();
            case 67 -> qrSize = next();
            case 69 -> qrErrorCorrection = next();
            case 80 -> {
                next();
                qrData = new String(bytes, pos, end - pos, StandardCharsets.UTF_8);
            }
            case 81 -> items.add(new Qr(qrModel, qrSize, qrErrorCorrection, qrData, align));
            default -> throw new AssertionError("unknown QR function " + fn);
        }
        pos = end;
    }

    private void raster() {
        next();
        next();
        int widthBytes = next() + next() * 256;
        int heightDots = next() + next() * 256;
        byte[] bits = new byte[widthBytes * heightDots];
        System.arraycopy(bytes, pos, bits, 0, bits.length);
        pos += bits.length;
        items.add(new Raster(widthBytes * 8, heightDots, bits));
    }

    private void endLine() {
        items.add(new Line(decode(), bold, width, height, align));
        text.reset();
    }

    private String decode() {
        Charset charset = chinese ? GB18030 : codeTable == 0 ? CP437 : StandardCharsets.ISO_8859_1;
        return new String(text.toByteArray(), charset);
    }

    private int next() {
        if (pos >= bytes.length) {
            throw new AssertionError("the printout ends in the middle of a command");
        }
        return bytes[pos++] & 0xFF;
    }
}
