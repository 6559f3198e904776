package io.chainpos.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The number printed on a receipt, unique across the chain, scanned back for returns. */
public record ReceiptNo(@JsonValue String value) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ReceiptNo {
        value = Ids.code("ReceiptNo", value);
    }

    public static ReceiptNo of(String value) {
        return new ReceiptNo(value);
    }

    /**
     * The {@code number}th receipt a till gave in an epoch (sales and top-ups share the count): {@code S001-T1-1-000042}.
     */
    public static ReceiptNo numbered(TillId till, int epoch, long number) {
        return new ReceiptNo("%s-%d-%06d".formatted(till.value(), epoch, number));
    }

    /** Which of {@code till}'s receipts in {@code epoch} this is, or -1 when it is not one of them. */
    public long numberIn(TillId till, int epoch) {
        String prefix = till.value() + "-" + epoch + "-";
        if (!value.startsWith(prefix) || value.length() == prefix.length() || value.length() - prefix.length() > 18) {
            return -1;
        }
        for (int i = prefix.length(); i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(value.substring(prefix.length()));
    }

    @Override
    public String toString() {
        return value;
    }
}
