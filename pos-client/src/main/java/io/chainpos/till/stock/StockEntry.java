package io.chainpos.till.stock;

import java.util.Objects;

/**
 * One product as the person at the counter typed or scanned it on a stock document: its code (barcode or SKU) and
 * quantities as typed, checked by the use-case. {@code quantity} is what goes into stock (or is sent);
 * {@code expected} what the delivery note says (receiving from a supplier, null when it agrees); {@code damaged} what
 * arrived broken and stays out of stock (null for none).
 */
public record StockEntry(String code, String quantity, String expected, String damaged) {
    public StockEntry {
        Objects.requireNonNull(code, "code");
        code = code.strip();
    }

    public static StockEntry of(String code, String quantity) {
        return new StockEntry(code, quantity, null, null);
    }
}
