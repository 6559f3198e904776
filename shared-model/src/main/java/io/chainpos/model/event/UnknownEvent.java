package io.chainpos.model.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.Objects;

/**
 * An event this build cannot read: a type it does not know, or a newer version of one it does. It is kept
 * exactly as it came, passed on and reported, never dropped.
 */
public record UnknownEvent(String type, int schemaVersion, JsonNode payload, String why) implements Event {

    /** Numbers are equal by value: {@code 5} read as an int and {@code 5L} written as a long are the same content. */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> a.equals(b)
            || (a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0) ? 0 : 1;

    public UnknownEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(why, "why");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnknownEvent that
                && type.equals(that.type)
                && schemaVersion == that.schemaVersion
                && why.equals(that.why)
                && payload.equals(BY_VALUE, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, schemaVersion, why);
    }
}
