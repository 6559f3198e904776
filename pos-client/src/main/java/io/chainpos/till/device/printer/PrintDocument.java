package io.chainpos.till.device.printer;

import java.util.List;
import java.util.Objects;

/**
 * A printout laid out for one paper width, independent of the printer's command language: lines of text that
 * already fit, barcodes and QR codes. The renderer turns it into ESC/POS; a screen could show it as text.
 */
public record PrintDocument(List<Block> blocks) {

    public PrintDocument {
        blocks = List.copyOf(blocks);
    }

    public enum Align { LEFT, CENTER, RIGHT }

    /** NORMAL is one column per half-width character; TALL doubles the height; BIG doubles width and height. */
    public enum Size { NORMAL, TALL, BIG }

    public sealed interface Block permits Text, Code128, QrCode, Feed {
    }

    /** One printed line; its columns (at its size) fit the paper. */
    public record Text(String text, Align align, boolean bold, Size size) implements Block {
        public Text {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(align, "align");
            Objects.requireNonNull(size, "size");
        }
    }

    /** A CODE128 barcode with its text printed below. */
    public record Code128(String data) implements Block {
    }

    /** A QR code of {@code data}, each module {@code moduleDots} dots square. */
    public record QrCode(String data, int moduleDots) implements Block {
    }

    /** How wide a CODE128 barcode prints. */
    public static final class Code128Sizes {
        /** The narrowest bar ESC/POS printers draw (GS w takes 2 to 6 dots). */
        public static final int MODULE_DOTS = 2;

        private Code128Sizes() {
        }

        public static int modules(String data) {
            return Code128Data.encode(data).modules();
        }

        /** True when {@code data} is printable ASCII and its barcode fits {@code dots} at two dots a module. */
        public static boolean fits(String data, int dots) {
            return !data.isEmpty() && data.chars().allMatch(c -> c >= 32 && c <= 126)
                    && modules(data) * MODULE_DOTS <= dots;
        }
    }

    /** Blank lines. */
    public record Feed(int lines) implements Block {
    }

    /** The document as plain lines, barcodes as a bracketed note: for logs, previews and tests. */
    public String toPlainText() {
        StringBuilder text = new StringBuilder();
        for (Block block : blocks) {
            switch (block) {
                case Text line -> text.append(line.text());
                case Code128 code -> text.append("[CODE128 ").append(code.data()).append(']');
                case QrCode qr -> text.append("[QR ").append(qr.data()).append(']');
                case Feed feed -> text.append("\n".repeat(Math.max(0, feed.lines() - 1)));
            }
            text.append('\n');
        }
        return text.toString();
    }
}
