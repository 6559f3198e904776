package io.chainpos.till.device.printer;

import io.chainpos.model.money.Money;
import io.chainpos.till.device.printer.PrintDocument.Align;
import io.chainpos.till.device.printer.PrintDocument.Block;
import io.chainpos.till.device.printer.PrintDocument.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Lays a printout out line by line for one {@link ReceiptFormat}: everything it adds fits the paper, counted in
 * columns (a Chinese character takes two). Printouts use it; the renderer never has to cut anything.
 */
public final class DocumentBuilder {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ReceiptFormat format;
    private final int columns;
    private final List<Block> blocks = new ArrayList<>();

    public DocumentBuilder(ReceiptFormat format) {
        this.format = format;
        this.columns = format.paper().columns();
    }

    public ReceiptFormat format() {
        return format;
    }

    /** A label in the receipt's language. */
    public String word(ReceiptText text) {
        return text.in(format.language());
    }

    /** Left-aligned text, wrapped onto as many lines as it needs. */
    public DocumentBuilder text(String text) {
        for (String line : TextColumns.wrap(text, columns, format.codePage())) {
            blocks.add(new PrintDocument.Text(line, Align.LEFT, false, Size.NORMAL));
        }
        return this;
    }

    /** Centred text; BIG falls back to TALL when double width would not fit. */
    public DocumentBuilder centered(String text, boolean bold, Size size) {
        Size fitting = size == Size.BIG && format.codePage().columns(text) * 2 > columns ? Size.TALL : size;
        int room = fitting == Size.BIG ? columns / 2 : columns;
        for (String line : TextColumns.wrap(text, room, format.codePage())) {
            blocks.add(new PrintDocument.Text(line, Align.CENTER, bold, fitting));
        }
        return this;
    }

    /** A label on the left and a value flush right; when both do not fit on one line, the value goes below. */
    public DocumentBuilder pair(String left, String right) {
        return pair(left, right, false, Size.NORMAL);
    }

    public DocumentBuilder pair(String left, String right, boolean bold, Size size) {
        if (size == Size.BIG) {
            throw new IllegalArgumentException("two columns do not fit at double width");
        }
        var codePage = format.codePage();
        if (codePage.columns(left) + 1 + codePage.columns(right) <= columns) {
            blocks.add(new PrintDocument.Text(TextColumns.spread(left, right, columns, codePage), Align.LEFT, bold, size));
            return this;
        }
        for (String line : TextColumns.wrap(left, columns, codePage)) {
            blocks.add(new PrintDocument.Text(line, Align.LEFT, bold, size));
        }
        for (String line : TextColumns.wrap(right, columns, codePage)) {
            blocks.add(new PrintDocument.Text(TextColumns.spread("", line, columns, codePage), Align.LEFT, bold, size));
        }
        return this;
    }

    /** A dashed line across the paper. */
    public DocumentBuilder rule() {
        blocks.add(new PrintDocument.Text("-".repeat(columns), Align.LEFT, false, Size.NORMAL));
        return this;
    }

    public DocumentBuilder feed(int lines) {
        blocks.add(new PrintDocument.Feed(lines));
        return this;
    }

    public DocumentBuilder qr(String data, int moduleDots) {
        blocks.add(new PrintDocument.QrCode(data, moduleDots));
        return this;
    }

    /** The store's header lines, the first one large. */
    public DocumentBuilder header() {
        List<String> header = format.header();
        for (int i = 0; i < header.size(); i++) {
            centered(header.get(i), i == 0, i == 0 ? Size.BIG : Size.NORMAL);
        }
        return this;
    }

    public DocumentBuilder footer() {
        format.footer().forEach(line -> centered(line, false, Size.NORMAL));
        return this;
    }

    /** The banner a reprint carries at its top, so nobody takes it for a second sale. */
    public DocumentBuilder reprintBanner(Instant reprintedAt) {
        centered(word(ReceiptText.REPRINT), true, Size.TALL);
        pair(word(ReceiptText.REPRINTED_AT), time(reprintedAt));
        return this;
    }

    /**
     * The receipt number as a code a scanner reads back for returns: CODE128 where it fits the paper at two dots a
     * module, unless the store asked for QR codes; a QR code otherwise.
     */
    public DocumentBuilder receiptCode(String receiptNo) {
        if (format.receiptCode() == ReceiptCode.AUTO && PrintDocument.Code128Sizes.fits(receiptNo, format.paper().dots())) {
            blocks.add(new PrintDocument.Code128(receiptNo));
        } else {
            qr(receiptNo, 6);
        }
        return this;
    }

    public String time(Instant instant) {
        return TIME.format(instant.atZone(format.zone()));
    }

    /** An amount in minor units as printed: {@code 12.40}, {@code -2.00}. */
    public static String money(long minor, String currency) {
        return Money.of(minor, Currency.getInstance(currency)).toDecimalString();
    }

    /** A quantity in thousandths as printed: {@code 2}, {@code 0.5}. */
    public static String quantity(long milli) {
        return BigDecimal.valueOf(milli, 3).stripTrailingZeros().toPlainString();
    }

    /** A card or phone number with its middle hidden: 8800****0017. */
    public static String masked(String digits) {
        if (digits.length() <= 8) {
            return digits.charAt(0) + "*".repeat(digits.length() - 2) + digits.charAt(digits.length() - 1);
        }
        int keep = digits.length() >= 11 ? 4 : 3;
        int head = digits.length() == 11 ? 3 : keep;
        return digits.substring(0, head) + "****" + digits.substring(digits.length() - keep);
    }

    public PrintDocument build() {
        return new PrintDocument(blocks);
    }
}
