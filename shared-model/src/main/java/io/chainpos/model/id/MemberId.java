package io.chainpos.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/** A member of the chain's loyalty programme. */
public record MemberId(@JsonValue UUID value) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public MemberId {
        Objects.requireNonNull(value, "MemberId");
    }

    public static MemberId newId(Clock clock) {
        return new MemberId(UuidV7.next(clock));
    }

    public static MemberId parse(String text) {
        return new MemberId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
