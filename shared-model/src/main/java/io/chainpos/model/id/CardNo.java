package io.chainpos.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A member card number (the digits printed on the card and carried by the member QR code). */
public record CardNo(@JsonValue String value) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CardNo {
        value = Ids.code("CardNo", value);
    }

    public static CardNo of(String value) {
        return new CardNo(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
