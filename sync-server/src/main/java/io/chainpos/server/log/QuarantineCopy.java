package io.chainpos.server.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.json.MalformedEventException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the quarantine keeps of an event it sets apart: the envelope as sent, and the payload's shape with only the
 * values no person can be found by (ids, codes, amounts). An event is refused most often because it is not what
 * it claims to be, a registration with the phone in the clear among them, so nothing in it can be trusted to be
 * sealed: every other value is replaced by {@link #REMOVED}, sealed ones too (erasure destroys their key, and a
 * quarantined copy must not outlive it). The SHA-256 of the event as sent stays beside it, so the same event sent
 * again is still recognised as a repeat.
 */
public final class QuarantineCopy {
    /** What a removed value reads as. */
    public static final String REMOVED = "[removed]";

    private static final Set<String> ENVELOPE = Set.of("eventId", "storeId", "tillId", "tillEpoch", "tillSeq", "hlc",
            "occurredAt", "type", "schemaVersion", "prevHash");
    /** Payload fields whose text names no person: codes and enumerations. Ids ({@code ...Id}) are kept too. */
    private static final Set<String> TEXT_KEPT = Set.of("sku", "barcode", "currency", "reason", "method", "kind", "unit",
            "receiptNo", "cardNo", "tierCode", "gender", "role", "status", "priceListVersion", "effectiveFrom", "code");
    /** Personal whatever their form: a phone or a birthday given as a number is still the person. */
    private static final Set<String> PERSONAL = Set.of("phone", "name", "birthday", "phoneHash", "email", "address",
            "idNumber", "note");
    private static final Pattern DIGITS = Pattern.compile("\\d{7,}");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|「[^」]*」");

    private QuarantineCopy() {
    }

    /** The copy to keep of {@code body} (an event's canonical JSON, or any text a till sent where one was due). */
    public static String of(EventCodec codec, String body) {
        JsonNode node;
        try {
            node = codec.readTree(body);
        } catch (MalformedEventException notJson) {
            return "\"" + REMOVED + "\"";
        }
        if (!node.isObject()) {
            return "\"" + REMOVED + "\"";
        }
        ObjectNode copy = codec.mapper().createObjectNode();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (ENVELOPE.contains(field.getKey()) && field.getValue().isValueNode()) {
                copy.set(field.getKey(), field.getValue());
            } else if (field.getKey().equals("payload")) {
                copy.set("payload", payload(field.getValue().deepCopy()));
            } else {
                copy.put(field.getKey(), REMOVED);
            }
        }
        return codec.canonical(copy);
    }

    /** The digest a repeat is recognised by: SHA-256 of the UTF-8 text as sent, in hex. */
    public static String digest(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A reason as told to head office and the till, without quoted values or long digit runs a parser echoed. */
    public static String reason(String detail) {
        return detail == null ? null : DIGITS.matcher(QUOTED.matcher(detail).replaceAll("'…'")).replaceAll("…");
    }

    private static JsonNode payload(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                if (value.isContainerNode() && !PERSONAL.contains(field.getKey())) {
                    field.setValue(payload(value));
                } else if (!kept(field.getKey(), value)) {
                    field.setValue(object.textNode(REMOVED));
                }
            }
            return object;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode array = (com.fasterxml.jackson.databind.node.ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                array.set(i, element.isContainerNode() ? payload(element) : array.textNode(REMOVED));
            }
            return array;
        }
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(REMOVED);
    }

    private static boolean kept(String key, JsonNode value) {
        if (PERSONAL.contains(key) || value.isContainerNode()) {
            return false;
        }
        if (value.isNull() || value.isBoolean()) {
            return true;
        }
        if (value.isNumber()) {
            return !DIGITS.matcher(value.asText()).find();
        }
        boolean code = key.endsWith("Id") || key.endsWith("Ids") || TEXT_KEPT.contains(key);
        return code && !value.asText().startsWith("m1.") && (key.endsWith("Id") || !DIGITS.matcher(value.asText()).find());
    }
}
