package io.chainpos.model.scan;

import io.chainpos.model.member.MemberCode;
import java.util.Objects;

/**
 * Reads what a scanner (or a cashier's keyboard) put in the sale field: EAN-13, EAN-8 and UPC-A with their
 * check digits, scale labels (EAN-13 with the store's prefix), a member QR code, or any other printable
 * code as Code 128. Which product or member a code belongs to is the till's question, not this one's.
 */
public final class BarcodeParser {
    private static final int MAX_LENGTH = 64;

    private final ScaleLayout scale;

    public BarcodeParser(ScaleLayout scale) {
        this.scale = Objects.requireNonNull(scale, "scale");
    }

    public Scan parse(String input) {
        if (input == null || input.isBlank()) {
            return new Scan.Unreadable(Scan.Unreadable.Why.NOTHING_SCANNED, "");
        }
        String code = input.strip();
        if (MemberCode.looksLikeMemberCode(code)) {
            return MemberCode.decode(code).<Scan>map(Scan.MemberQr::new)
                    .orElse(new Scan.Unreadable(Scan.Unreadable.Why.MEMBER_QR_DAMAGED, shorten(code)));
        }
        if (code.length() > MAX_LENGTH || !code.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            return new Scan.Unreadable(Scan.Unreadable.Why.NOT_A_PRODUCT_CODE, shorten(code));
        }
        if (!code.chars().allMatch(Character::isDigit)) {
            return new Scan.ProductCode(code, Scan.Symbology.CODE_128);
        }
        Scan.Symbology retail = switch (code.length()) {
            case 13 -> Scan.Symbology.EAN_13;
            case 12 -> Scan.Symbology.UPC_A;
            case 8 -> Scan.Symbology.EAN_8;
            default -> null;
        };
        if (retail == null) {
            return new Scan.ProductCode(code, Scan.Symbology.CODE_128);
        }
        if (!checkDigitValid(code)) {
            return new Scan.BadCheckDigit(code, retail);
        }
        if (retail == Scan.Symbology.EAN_13 && code.startsWith(scale.prefix())) {
            String item = code.substring(scale.itemStart(), scale.itemStart() + scale.itemLength());
            long value = Long.parseLong(code.substring(scale.valueStart(), scale.valueStart() + scale.valueLength()));
            return new Scan.ScaleLabel(item, scale.value(), value, code);
        }
        return new Scan.ProductCode(code, retail);
    }

    /** GS1 mod-10: digits weighted 3 and 1 from the right of the data digits; the last digit is the check. */
    public static boolean checkDigitValid(String digits) {
        return digits.length() >= 2 && checkDigit(digits.substring(0, digits.length() - 1))
                == digits.charAt(digits.length() - 1) - '0';
    }

    public static int checkDigit(String data) {
        int sum = 0;
        for (int i = 0; i < data.length(); i++) {
            int digit = data.charAt(data.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }

    private static String shorten(String code) {
        String printable = code.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 24 ? printable.substring(0, 24) + "…" : printable;
    }
}
