package io.chainpos.server.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.TillId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.json.MalformedEventException;
import io.chainpos.server.store.IncomingEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /api/v1/sync/push}, read by hand rather than bound to {@code PushRequest}: each
 * event's canonical JSON must be taken from the tree as it came, so an event this server cannot read is
 * still stored exactly as the till wrote it.
 */
record PushBody(TillId tillId, int tillEpoch, List<IncomingEvent> events) {

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
    static PushBody parse(EventCodec codec, String json) {
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
                throw new MalformedEventException("events[" + i + "]: " + e.getMessage(), e);
            }
        }
        return new PushBody(tillId, tillEpoch, incoming);
    }

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

    private static int epoch(JsonNode node) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 1) {
            throw new MalformedEventException("tillEpoch must be an integer of at least 1");
        }
        return node.asInt();
    }
}
