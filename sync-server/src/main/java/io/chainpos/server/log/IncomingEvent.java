package io.chainpos.server.log;

import io.chainpos.model.event.EventEnvelope;
import java.util.Objects;

/**
 * An event as a till sent it: decoded, and its canonical JSON, which is what is stored and compared. An
 * event the push rules refuse ({@code refusal} says why) still consumes its sequence number: it is
 * quarantined for head office instead of stored, so it cannot hold up the events behind it.
 */
public record IncomingEvent(EventEnvelope envelope, String body, String refusal) {
    public IncomingEvent {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(body, "body");
    }

    public IncomingEvent(EventEnvelope envelope, String body) {
        this(envelope, body, null);
    }

    /** This event, to be quarantined rather than stored, for {@code reason}. */
    public IncomingEvent refused(String reason) {
        return new IncomingEvent(envelope, body, Objects.requireNonNull(reason, "reason"));
    }

    public long tillSeq() {
        return envelope.tillSeq();
    }
}
