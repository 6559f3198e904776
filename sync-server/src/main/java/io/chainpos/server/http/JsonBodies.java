package io.chainpos.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainpos.model.json.EventCodec;

/**
 * Small request bodies read strictly: Jackson would coerce {@code {"code": 42}} into the string "42",
 * and a number where a secret belongs is a malformed request, not a wrong secret.
 */
public final class JsonBodies {
    private JsonBodies() {
    }

    public static JsonNode object(EventCodec codec, String body) {
        JsonNode node = codec.readTree(body);
        if (!node.isObject()) {
            throw ApiProblem.badRequest("the body must be a JSON object");
        }
        return node;
    }

    public static String text(JsonNode object, String field, int maxLength) {
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw ApiProblem.badRequest(field + " is required and must be a non-empty string");
        }
        if (value.asText().length() > maxLength) {
            throw ApiProblem.badRequest(field + " is longer than " + maxLength + " characters");
        }
        return value.asText();
    }
}
