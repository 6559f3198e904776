package io.chainpos.model.scan;

import java.util.Objects;

/**
 * How a store's scale prints weighed goods as EAN-13 (a store setting): codes starting with {@code prefix}
 * carry the item code at {@code itemStart} for {@code itemLength} digits and, at {@code valueStart} for
 * {@code valueLength} digits, either the price in fen or the weight in grams. The 13th digit is the check.
 */
public record ScaleLayout(String prefix, int itemStart, int itemLength, int valueStart, int valueLength, Value value) {

    public enum Value { PRICE, WEIGHT }

    /** The usual layout: "2", flag digit, 5-digit item code, 5-digit price in fen, check digit. */
    public static final ScaleLayout DEFAULT = new ScaleLayout("2", 2, 5, 7, 5, Value.PRICE);

    public ScaleLayout {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(value, "value");
        if (!prefix.matches("\\d{1,2}") || itemStart < prefix.length() || itemLength < 1 || valueLength < 1
                || itemStart + itemLength > valueStart || valueStart + valueLength > 12) {
            throw new IllegalArgumentException("a scale layout must fit in the 12 data digits of an EAN-13");
        }
    }
}
