package io.chainpos.model.sync;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.TillId;
import java.util.List;
import java.util.Objects;

/**
 * {@code POST /api/v1/sync/push}: a till's events in {@code tillSeq} order, all of one till and epoch.
 * {@code missingFrom}, when set, says the till no longer holds its events from that seq up to the first one sent
 * (its ledger lost them): the server takes the batch across the jump and reports the break instead of asking
 * for events the till cannot send. {@code held}, when set, says how far the till's ledger goes in this epoch, so
 * the server knows what it has not received yet, by number, even if the till is never heard from again.
 */
public record PushRequest(TillId tillId, int tillEpoch, List<EventEnvelope> events, Long missingFrom, Held held) {
    public PushRequest {
        Objects.requireNonNull(tillId, "tillId");
        events = List.copyOf(Objects.requireNonNull(events, "events"));
    }

    public PushRequest(TillId tillId, int tillEpoch, List<EventEnvelope> events, Long missingFrom) {
        this(tillId, tillEpoch, events, missingFrom, null);
    }

    public PushRequest(TillId tillId, int tillEpoch, List<EventEnvelope> events) {
        this(tillId, tillEpoch, events, null, null);
    }

    /**
     * The till's ledger holds this epoch's events through {@code throughSeq}, and the last receipt number it gave in
     * this epoch (a sale's or a top-up's; null before the first) is {@code lastReceipt}.
     */
    public record Held(long throughSeq, String lastReceipt) {
        public Held {
            if (throughSeq < 1) {
                throw new IllegalArgumentException("throughSeq starts at 1");
            }
        }
    }
}
