package io.chainpos.server.demo;

/** EAN-13 check digits: weights 1 and 3 alternating from the left, the check makes the sum a multiple of 10. */
public final class Ean13 {
    private Ean13() {
    }

    /** The 13-digit code for 12 digits. */
    public static String withCheckDigit(String twelveDigits) {
        if (!twelveDigits.matches("\\d{12}")) {
            throw new IllegalArgumentException("EAN-13 needs 12 digits before its check digit: " + twelveDigits);
        }
        return twelveDigits + checkDigit(twelveDigits);
    }

    public static boolean isValid(String code) {
        return code != null && code.matches("\\d{13}") && checkDigit(code.substring(0, 12)) == code.charAt(12) - '0';
    }

    private static int checkDigit(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int digit = twelveDigits.charAt(i) - '0';
            sum += i % 2 == 0 ? digit : 3 * digit;
        }
        return (10 - sum % 10) % 10;
    }
}
