package io.chainpos.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/** One member feedback or complaint (客户反馈/投诉), minted where it was recorded. */
public record FeedbackId(@JsonValue UUID value) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public FeedbackId {
        Objects.requireNonNull(value, "FeedbackId");
    }

    public static FeedbackId newId(Clock clock) {
        return new FeedbackId(UuidV7.next(clock));
    }

    public static FeedbackId parse(String text) {
        return new FeedbackId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
