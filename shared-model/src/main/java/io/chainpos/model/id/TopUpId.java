package io.chainpos.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/** One stored-value top-up (充值) at a counter. */
public record TopUpId(@JsonValue UUID value) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TopUpId {
        Objects.requireNonNull(value, "TopUpId");
    }

    public static TopUpId newId(Clock clock) {
        return new TopUpId(UuidV7.next(clock));
    }

    public static TopUpId parse(String text) {
        return new TopUpId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
