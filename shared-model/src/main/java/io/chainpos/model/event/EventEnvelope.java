package io.chainpos.model.event;

import io.chainpos.model.id.EventId;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import java.time.Instant;
import java.util.Objects;

/**
 * An event with where and when it happened. {@code (tillId, tillEpoch, tillSeq)} is gap-free per till and
 * epoch; {@code eventId} is the global idempotency key; {@code hlc} orders profile edits, never money.
 * {@code prevHash} chains a till's events (see {@link EventChain}); null for an event that is not chained
 * (head office's, or one written before tills chained their events).
 */
public record EventEnvelope(
        EventId eventId,
        StoreId storeId,
        TillId tillId,
        int tillEpoch,
        long tillSeq,
        long hlc,
        Instant occurredAt,
        Event payload,
        String prevHash) {

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
        if (prevHash != null && !EventChain.isHash(prevHash)) {
            throw new IllegalArgumentException("prevHash must be 64 lowercase hex digits: " + prevHash);
        }
    }

    /** An event that is not chained. */
    public EventEnvelope(EventId eventId, StoreId storeId, TillId tillId, int tillEpoch, long tillSeq, long hlc,
                         Instant occurredAt, Event payload) {
        this(eventId, storeId, tillId, tillEpoch, tillSeq, hlc, occurredAt, payload, null);
    }

    /** This event, chained to the one before it by {@code hash}. */
    public EventEnvelope withPrevHash(String hash) {
        return new EventEnvelope(eventId, storeId, tillId, tillEpoch, tillSeq, hlc, occurredAt, payload, hash);
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
