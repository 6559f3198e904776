package io.chainpos.server.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A message as the JSON a provider or the demo file receives. */
final class Payloads {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {
    }

    static String json(MessageChannel.Outgoing m) {
        ObjectNode node = JSON.createObjectNode();
        node.put("messageId", m.messageId());
        node.put("memberId", m.memberId());
        node.put("to", m.to());
        node.put("kind", m.kind().name());
        node.put("lang", m.lang());
        node.put("text", m.text());
        if (m.campaignId() != null) {
            node.put("campaignId", m.campaignId());
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
