package io.chainpos.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/** One transfer of goods from a store to another (调拨), minted at the sending till. */
public record TransferId(@JsonValue UUID value) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TransferId {
        Objects.requireNonNull(value, "TransferId");
    }

    public static TransferId newId(Clock clock) {
        return new TransferId(UuidV7.next(clock));
    }

    public static TransferId parse(String text) {
        return new TransferId(UUID.fromString(text));
    }

    /**
     * The last eight hex digits of the id (its random part), printed on the slip beside the number: two chains
     * can mint the same number, never the same id, so a slip from another chain is told apart.
     */
    public String check() {
        String text = value.toString();
        return text.substring(text.length() - 8);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
