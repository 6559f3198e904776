package io.chainpos.model.member;

import io.chainpos.model.id.CardNo;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a member's QR code carries: {@code CPM1:<card number>:<check>}, the check being two digits of
 * ISO 7064 MOD 97-10 over the card number. A scanned text that is not in this form, or whose check does
 * not match (a damaged print, a code from another system), is not a member code.
 */
public final class MemberCode {
    private static final String PREFIX = "CPM1:";
    private static final Pattern FORM = Pattern.compile("CPM1:(\\d{6,32}):(\\d{2})");

    private MemberCode() {
    }

    public static String encode(CardNo cardNo) {
        String digits = cardNo.value();
        if (!digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("a member card number is digits only: " + digits);
        }
        return PREFIX + digits + ":" + "%02d".formatted(check(digits));
    }

    /** The card number in a scanned member code, or empty when the text is not a valid member code. */
    public static Optional<CardNo> decode(String scanned) {
        if (scanned == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(scanned.strip());
        if (!m.matches() || check(m.group(1)) != Integer.parseInt(m.group(2))) {
            return Optional.empty();
        }
        return Optional.of(new CardNo(m.group(1)));
    }

    /** True when the text claims to be a member code (right prefix), valid or not: a damaged one gets its own message. */
    public static boolean looksLikeMemberCode(String scanned) {
        return scanned != null && scanned.strip().startsWith(PREFIX);
    }

    /** ISO 7064 MOD 97-10 check digits: the value that makes {@code digits * 100 + check} ≡ 1 (mod 97). */
    static int check(String digits) {
        int remainder = 0;
        for (int i = 0; i < digits.length(); i++) {
            remainder = (remainder * 10 + (digits.charAt(i) - '0')) % 97;
        }
        return (98 - (remainder * 100) % 97) % 97;
    }
}
