package io.chainpos.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** One till (one counter PC) of a store. */
public record TillId(@JsonValue String value) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TillId {
        value = Ids.code("TillId", value);
    }

    public static TillId of(String value) {
        return new TillId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
