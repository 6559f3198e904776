package io.chainpos.model.scan;

import io.chainpos.model.id.CardNo;

/** What a scan or a typed code at the sale field is. Every outcome is a value; nothing here throws. */
public sealed interface Scan {

    enum Symbology { EAN_13, EAN_8, UPC_A, CODE_128 }

    /** A product code: a retail barcode with a valid check digit, or any other code (Code 128, a typed SKU). */
    record ProductCode(String code, Symbology symbology) implements Scan {
        /** The forms a catalog may hold this code under: UPC-A is also EAN-13 with a leading 0. */
        public java.util.List<String> lookupForms() {
            return symbology == Symbology.UPC_A ? java.util.List.of(code, "0" + code) : java.util.List.of(code);
        }
    }

    /** A scale label: the item code and the price (fen) or weight (grams) it carries. */
    record ScaleLabel(String itemCode, ScaleLayout.Value kind, long value, String raw) implements Scan {
    }

    /** A member's QR code ({@code CPM1:...}) with a valid check. */
    record MemberQr(CardNo cardNo) implements Scan {
    }

    /** A retail barcode whose check digit is wrong: a misread, or a number that is not a barcode (a card?). */
    record BadCheckDigit(String code, Symbology symbology) implements Scan {
    }

    /** Nothing usable: why, and the code as read ({@code code} is empty when nothing was scanned). */
    record Unreadable(Why why, String code) implements Scan {
        public enum Why { NOTHING_SCANNED, MEMBER_QR_DAMAGED, NOT_A_PRODUCT_CODE }
    }
}
