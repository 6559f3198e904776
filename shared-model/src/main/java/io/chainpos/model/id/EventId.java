package io.chainpos.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/** The global idempotency key of an event, a UUID v7 minted where the fact happened. */
public record EventId(@JsonValue UUID value) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public EventId {
        Objects.requireNonNull(value, "EventId");
    }

    public static EventId newId(Clock clock) {
        return new EventId(UuidV7.next(clock));
    }

    public static EventId parse(String text) {
        return new EventId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
