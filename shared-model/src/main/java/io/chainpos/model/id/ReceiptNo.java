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

    @Override
    public String toString() {
        return value;
    }
}
