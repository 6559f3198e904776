package io.chainpos.till.ui;

import io.chainpos.model.money.Money;
import java.math.BigDecimal;
import java.util.OptionalLong;

/** Money and quantities as the cashier types and reads them: yuan with up to two decimals, kilos with up to three. */
public final class Amounts {
    private Amounts() {
    }

    /** {@code 1250} → {@code "12.50"}. */
    public static String yuan(long fen) {
        return Money.cny(fen).toDecimalString();
    }

    /** {@code 1250} → {@code "¥12.50"}. */
    public static String money(long fen) {
        return (fen < 0 ? "-¥" : "¥") + yuan(Math.abs(fen));
    }

    /** Typed yuan to fen, exactly: empty when it is not an amount, is negative or has more than two decimals. */
    public static OptionalLong parseYuan(String text) {
        return parse(text, 2);
    }

    /** A typed quantity (pieces, or kilos for weighed goods) in thousandths; empty unless positive. */
    public static OptionalLong parseQuantity(String text) {
        OptionalLong milli = parse(text, 3);
        return milli.isPresent() && milli.getAsLong() > 0 ? milli : OptionalLong.empty();
    }

    /** {@code 2000} → {@code "2"}, {@code 500} → {@code "0.5"}. */
    public static String quantity(long milli) {
        return BigDecimal.valueOf(milli, 3).stripTrailingZeros().toPlainString();
    }

    private static OptionalLong parse(String text, int decimals) {
        if (text == null || !text.strip().matches("\\d{1,9}(\\.\\d*)?|\\.\\d+")) {
            return OptionalLong.empty();
        }
        BigDecimal value = new BigDecimal(text.strip());
        if (value.scale() > decimals) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(value.movePointRight(decimals).longValueExact());
    }
}
