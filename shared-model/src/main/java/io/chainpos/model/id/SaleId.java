package io.chainpos.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/** One completed sale. */
public record SaleId(@JsonValue UUID value) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SaleId {
        Objects.requireNonNull(value, "SaleId");
    }

    public static SaleId newId(Clock clock) {
        return new SaleId(UuidV7.next(clock));
    }

    public static SaleId parse(String text) {
        return new SaleId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
