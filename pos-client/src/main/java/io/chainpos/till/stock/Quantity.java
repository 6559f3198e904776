package io.chainpos.till.stock;

import io.chainpos.till.TillMessage;
import java.math.BigDecimal;

/** A quantity typed on a stock document, read into thousandths, or the coded reason it cannot be. */
sealed interface Quantity {

    record Milli(long value) implements Quantity {
    }

    record Refused(TillMessage reason) implements Quantity {
    }

    /** {@code text} for product {@code code}: a plain decimal with at most three places, zero or more. */
    static Quantity read(String code, String text) {
        String typed = text == null ? "" : text.strip();
        BigDecimal value;
        try {
            value = new BigDecimal(typed);
        } catch (NumberFormatException notNumber) {
            return new Refused(TillMessage.of(TillMessage.Code.STOCK_QUANTITY_NOT_A_NUMBER, code, typed));
        }
        if (value.signum() < 0) {
            return new Refused(TillMessage.of(TillMessage.Code.STOCK_QUANTITY_NEGATIVE, code, typed));
        }
        BigDecimal milli = value.movePointRight(3);
        if (milli.stripTrailingZeros().scale() > 0 || milli.compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
            // thousandths are the finest a stock level keeps; a figure beyond a trillion is a slip of the scanner
            return new Refused(TillMessage.of(TillMessage.Code.STOCK_QUANTITY_NOT_A_NUMBER, code, typed));
        }
        return new Milli(milli.longValueExact());
    }
}
