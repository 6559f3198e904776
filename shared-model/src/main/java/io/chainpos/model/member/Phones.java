package io.chainpos.model.member;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Member phone numbers: mainland China mobile numbers, 11 digits starting 13-19. What a cashier or an imported
 * file writes ({@code 138 0013 8000}, {@code 138-0013-8000}, {@code +86 13800138000}) is reduced to the 11 digits,
 * so one person has one number whichever way it was typed.
 */
public final class Phones {
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()]");

    private Phones() {
    }

    /** The 11 digits, or empty when the text is not a mainland mobile number. */
    public static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(typed.strip()).replaceAll("");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /** Why a typed phone is refused, in words for the cashier (never echoing more than its length). */
    public static String whyInvalid(String typed) {
        if (typed == null || typed.isBlank()) {
            return "a mobile number is needed";
        }
        return "not a mainland mobile number: 11 digits starting 13-19 (+86 allowed)";
    }
}
