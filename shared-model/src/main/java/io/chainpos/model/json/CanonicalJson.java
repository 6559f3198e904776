package io.chainpos.model.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One spelling for one content: object keys sorted, null members dropped. Two events are the same event
 * exactly when their canonical forms are equal, whatever key order or explicit nulls they arrived with.
 */
final class CanonicalJson {
    private CanonicalJson() {
    }

    /**
     * Writes {@code node}'s canonical form straight to {@code out}, without building a sorted copy first: the
     * same text {@code of(node)} would serialize to, for a fraction of the garbage (this runs for every event
     * a till pushes).
     */
    static void write(JsonNode node, JsonGenerator out) throws IOException {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            fields.sort(Map.Entry.comparingByKey());
            out.writeStartObject();
            for (Map.Entry<String, JsonNode> field : fields) {
                if (!field.getValue().isNull()) {
                    out.writeFieldName(field.getKey());
                    write(field.getValue(), out);
                }
            }
            out.writeEndObject();
        } else if (node.isArray()) {
            out.writeStartArray();
            for (JsonNode element : node) {
                write(element, out);
            }
            out.writeEndArray();
        } else {
            writeScalar(node, out);
        }
    }

    /**
     * A parsed scalar written as its node's serializer would write it; going through writeTree would look up a
     * serializer for every scalar of every event.
     */
    private static void writeScalar(JsonNode node, JsonGenerator out) throws IOException {
        if (node.isTextual()) {
            out.writeString(node.textValue());
        } else if (node.isNull()) {
            out.writeNull();
        } else if (node.isBoolean()) {
            out.writeBoolean(node.booleanValue());
        } else if (node.isNumber()) {
            switch (node.numberType()) {
                case INT -> out.writeNumber(node.intValue());
                case LONG -> out.writeNumber(node.longValue());
                case BIG_INTEGER -> out.writeNumber(node.bigIntegerValue());
                case FLOAT -> out.writeNumber(node.floatValue());
                case DOUBLE -> out.writeNumber(node.doubleValue());
                case BIG_DECIMAL -> out.writeNumber(node.decimalValue());
            }
        } else {
            out.writeTree(node);
        }
    }

    static JsonNode of(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            fields.sort(Map.Entry.comparingByKey());
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : fields) {
                if (!field.getValue().isNull()) {
                    sorted.set(field.getKey(), of(field.getValue()));
                }
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(element -> array.add(of(element)));
            return array;
        }
        return node;
    }
}
