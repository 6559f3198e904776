package io.chainpos.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.json.EventCodec;
import io.chainpos.server.log.IncomingEvent;
import java.util.List;

/** Events and push bodies as JSON, written with the shared codec as a till would. */
public final class Json {
    public static final EventCodec CODEC = EventCodec.standard();

    private Json() {
    }

    public static IncomingEvent incoming(EventEnvelope envelope) {
        return incoming(CODEC.toTree(envelope));
    }

    public static IncomingEvent incoming(JsonNode node) {
        return new IncomingEvent(CODEC.fromTree(node), CODEC.canonical(node));
    }

    public static List<IncomingEvent> incoming(List<EventEnvelope> envelopes) {
        return envelopes.stream().map(Json::incoming).toList();
    }

    public static String push(TillWriter till, List<EventEnvelope> events) {
        return push(till.till.value(), till.epoch, events.stream().map(e -> (JsonNode) CODEC.toTree(e)).toList());
    }

    public static String push(String tillId, int epoch, List<JsonNode> events) {
        ObjectNode body = CODEC.mapper().createObjectNode();
        body.put("tillId", tillId);
        body.put("tillEpoch", epoch);
        ArrayNode array = body.putArray("events");
        events.forEach(array::add);
        return body.toString();
    }

    public static JsonNode parse(String json) {
        return CODEC.readTree(json);
    }
}
