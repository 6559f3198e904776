package io.chainpos.model.id;

import java.util.Objects;
import java.util.regex.Pattern;

/** Checks shared by the id records. */
final class Ids {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private Ids() {
    }

    static String code(String kind, String value) {
        Objects.requireNonNull(value, kind);
        if (!CODE.matcher(value).matches()) {
            throw new IllegalArgumentException(kind + " must be 1-64 letters, digits, '.', '_' or '-': '" + value + "'");
        }
        return value;
    }

    static String text(String kind, String value) {
        Objects.requireNonNull(value, kind);
        if (value.isBlank()) {
            throw new IllegalArgumentException(kind + " must not be blank");
        }
        return value;
    }
}
