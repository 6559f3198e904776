package io.chainpos.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/** One shift at one till: from opening with a cash float to closing with a count. */
public record ShiftId(@JsonValue UUID value) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ShiftId {
        Objects.requireNonNull(value, "ShiftId");
    }

    public static ShiftId newId(Clock clock) {
        return new ShiftId(UuidV7.next(clock));
    }

    public static ShiftId parse(String text) {
        return new ShiftId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
