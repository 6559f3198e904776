package io.chainpos.model.event;

import io.chainpos.model.id.EventId;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import java.time.Instant;
import java.util.Objects;

/**
 * An event with where and when it happened. {@code (tillId, tillEpoch, tillSeq)} is gap-free per till and
 * epoch; {@code eventId} is the global idempotency key; {@code hlc} orders profile edits, never money.
 */
public record EventEnvelope(
        EventId eventId,
        StoreId storeId,
        TillId tillId,
        int tillEpoch,
        long tillSeq,
        long hlc,
        Instant occurredAt,
        Event payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(tillId, "tillId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
        if (tillEpoch < 1) {
            throw new IllegalArgumentException("tillEpoch starts at 1: " + tillEpoch);
        }
        if (tillSeq < 1) {
            throw new IllegalArgumentException("tillSeq starts at 1: " + tillSeq);
        }
    }

    /** The stored type name, for example {@code SaleCompleted}. */
    public String type() {
        return EventTypes.nameOf(payload);
    }

    /** The schema version the payload is in: the current one for a known type, as received for an unknown one. */
    public int schemaVersion() {
        return payload instanceof UnknownEvent unknown ? unknown.schemaVersion() : EventTypes.currentVersionOf(payload);
    }

    public boolean isUnknown() {
        return payload instanceof UnknownEvent;
    }
}
