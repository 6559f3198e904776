package io.chainpos.server.store;

import io.chainpos.model.event.EventEnvelope;
import java.util.Objects;

/** An event as a till sent it: decoded, and its canonical JSON, which is what is stored and compared. */
public record IncomingEvent(EventEnvelope envelope, String body) {
    public IncomingEvent {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(body, "body");
    }

    public long tillSeq() {
        return envelope.tillSeq();
    }
}
