package io.chainpos.server.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.TillId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.json.MalformedEventException;
import io.chainpos.model.sync.PushRequest;
import io.chainpos.server.http.Requests;
import io.chainpos.server.log.IncomingEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The body of {@code POST /api/v1/sync/push}, read by hand rather than bound to {@code PushRequest}: each
 * event's canonical JSON must be taken from the tree as it came, so an event this server cannot read is
 * still stored exactly as the till wrote it.
 */
record PushBody(TillId tillId, int tillEpoch, List<IncomingEvent> events, Long missingFrom, PushRequest.Held held) {

    /** Too many events for one transaction; the till splits its backlog. */
    static final class TooManyEvents extends RuntimeException {
        TooManyEvents(int count) {
            super("at most " + PushEvents.MAX_EVENTS_PER_PUSH + " events per push, this one has " + count, null, false, false);
        }
    }

    /**
     * @throws MalformedEventException naming the field (and the event's index) that is wrong
     * @throws TooManyEvents when the batch is over the limit
     */
    static PushBody parse(EventCodec codec, byte[] json) {
        JsonNode root = codec.readTree(json);
        if (!root.isObject()) {
            throw new MalformedEventException("the body must be a JSON object {tillId, tillEpoch, events}");
        }
        TillId tillId = tillId(root.get("tillId"));
        int tillEpoch = epoch(root.get("tillEpoch"));
        JsonNode events = root.get("events");
        if (events == null || !events.isArray()) {
            throw new MalformedEventException("events must be an array");
        }
        if (events.size() > PushEvents.MAX_EVENTS_PER_PUSH) {
            throw new TooManyEvents(events.size());
        }
        List<IncomingEvent> incoming = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            JsonNode node = events.get(i);
            try {
                EventEnvelope envelope = codec.fromTree(node);
                incoming.add(new IncomingEvent(envelope, codec.canonical(node)));
            } catch (MalformedEventException | IllegalArgumentException e) {
                String where = "events[" + i + "]: ";
                incoming.add(unreadable(codec, node, e).orElseThrow(() -> new MalformedEventException(where + e.getMessage(), e)));
            }
        }
        return new PushBody(tillId, tillEpoch, incoming, missingFrom(root.get("missingFrom")), held(root.get("held")));
    }

    /**
     * An event whose envelope is sound (id, till, epoch, sequence, time) but whose type or payload this server
     * cannot read as what it claims to be: a poison event, from a till with a bug. It is taken in to be
     * quarantined (its envelope and reason, without the person: {@code QuarantineCopy}), so the events behind it
     * in the till's queue still flow. An event
     * whose envelope is broken cannot be placed in any sequence: the whole push is a 400.
     */
    private static Optional<IncomingEvent> unreadable(EventCodec codec, JsonNode node, RuntimeException why) {
        if (!node.isObject() || !node.path("schemaVersion").canConvertToInt()) {
            return Optional.empty();
        }
        ObjectNode envelopeOnly = ((ObjectNode) node).deepCopy();
        envelopeOnly.put("type", UNREADABLE_TYPE);
        envelopeOnly.putObject("payload");
        try {
            EventEnvelope envelope = codec.fromTree(envelopeOnly);
            return Optional.of(new IncomingEvent(envelope, codec.canonical(node))
                    .refused("its content cannot be read: " + Requests.abbreviateLong(why.getMessage())));
        } catch (MalformedEventException | IllegalArgumentException envelopeBroken) {
            return Optional.empty();
        }
    }

    /** A type name no event has: the codec reads the envelope alone and keeps the payload aside. */
    private static final String UNREADABLE_TYPE = "~unreadable";

    private static TillId tillId(JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw new MalformedEventException("tillId must be a string");
        }
        try {
            return TillId.of(node.asText());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(e.getMessage(), e);
        }
    }

    /** Absent or null: the till holds every event before the batch. */
    private static Long missingFrom(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 1) {
            throw new MalformedEventException("missingFrom must be an integer of at least 1");
        }
        return node.asLong();
    }

    /** Absent or null: the till did not say (an older till). */
    private static PushRequest.Held held(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new MalformedEventException("held must be an object {throughSeq, lastReceipt}");
        }
        JsonNode through = node.get("throughSeq");
        if (through == null || !through.isIntegralNumber() || !through.canConvertToLong() || through.asLong() < 1) {
            throw new MalformedEventException("held.throughSeq must be an integer of at least 1");
        }
        JsonNode receipt = node.get("lastReceipt");
        if (receipt != null && !receipt.isNull() && (!receipt.isTextual() || receipt.asText().length() > 64)) {
            throw new MalformedEventException("held.lastReceipt must be a receipt number of at most 64 characters");
        }
        return new PushRequest.Held(through.asLong(), receipt == null || receipt.isNull() ? null : receipt.asText());
    }

    private static int epoch(JsonNode node) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 1) {
            throw new MalformedEventException("tillEpoch must be an integer of at least 1");
        }
        return node.asInt();
    }
}
