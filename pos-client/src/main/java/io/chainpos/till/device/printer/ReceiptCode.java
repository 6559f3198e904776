package io.chainpos.till.device.printer;

import java.util.Locale;

/**
 * How a receipt carries its number for returns. AUTO prints a CODE128 barcode, which every scanner reads, where
 * it fits the paper at two dots a module, and a QR code where it would not; QR always prints a QR code, for
 * stores whose scanners (or phones) read 2D codes.
 */
public enum ReceiptCode {
    AUTO, QR;

    public static ReceiptCode ofName(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the receipt code is auto or qr, not '" + name + "'", e);
        }
    }
}
