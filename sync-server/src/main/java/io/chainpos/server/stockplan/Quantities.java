package io.chainpos.server.stockplan;

import io.chainpos.server.web.Form;
import java.math.BigDecimal;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Quantities and day counts as the planning forms read and show them. */
final class Quantities {
    private Quantities() {
    }

    /** A quantity in thousandths as a plain number: 12, 0.5. */
    static String qty(long milli) {
        return BigDecimal.valueOf(milli, 3).stripTrailingZeros().toPlainString();
    }

    /** Days of cover to a tenth, or ∞ when nothing sold. */
    static String days(Double days) {
        return days == null ? "∞" : BigDecimal.valueOf(days).stripTrailingZeros().toPlainString();
    }

    /** Sold per day to a tenth of a unit. */
    static String perDay(long soldMilli, int days) {
        return BigDecimal.valueOf(Math.round(soldMilli / (double) days / 100.0), 1).stripTrailingZeros().toPlainString();
    }

    /** Reads {@code text} as a quantity of at most three decimals, at least 0; rejects {@code field} of {@code form} when not. */
    static OptionalLong quantity(Form form, String field, String text) {
        try {
            BigDecimal value = new BigDecimal(text.strip());
            if (value.signum() < 0) {
                form.reject(field, "plan.error.negative");
                return OptionalLong.empty();
            }
            if (value.stripTrailingZeros().scale() > 3 || value.compareTo(BigDecimal.valueOf(1_000_000_000)) > 0) {
                form.reject(field, "plan.error.quantity");
                return OptionalLong.empty();
            }
            return OptionalLong.of(value.movePointRight(3).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            form.reject(field, "plan.error.quantity");
            return OptionalLong.empty();
        }
    }

    /** A whole number of days from {@code min} to 365 in {@code field}, or {@code fallback} when empty. */
    static OptionalInt days(Form form, String field, int min, int fallback) {
        String text = form.value(field);
        if (text.isEmpty()) {
            return OptionalInt.of(fallback);
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= 365) {
                return OptionalInt.of(value);
            }
        } catch (NumberFormatException e) {
            // named beside the field below
        }
        form.reject(field, "plan.error.days", min);
        return OptionalInt.empty();
    }
}
