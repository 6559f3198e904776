package io.chainpos.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/** One refund against a sale, or a refund without a receipt. */
public record RefundId(@JsonValue UUID value) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public RefundId {
        Objects.requireNonNull(value, "RefundId");
    }

    public static RefundId newId(Clock clock) {
        return new RefundId(UuidV7.next(clock));
    }

    public static RefundId parse(String text) {
        return new RefundId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
