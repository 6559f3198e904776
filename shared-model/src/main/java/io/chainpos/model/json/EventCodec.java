package io.chainpos.model.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventChain;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.EventTypes;
import io.chainpos.model.event.UnknownEvent;
import io.chainpos.model.id.EventId;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes events and protocol messages as JSON (camelCase, amounts as integers, instants as
 * ISO-8601). Old versions are read forward; an unknown type or a newer version comes back as an
 * {@link UnknownEvent} holding the payload exactly as it came. Anything else that is wrong is a
 * {@link MalformedEventException} saying what.
 */
public final class EventCodec {

    private final EventSchema schema;
    private final ObjectMapper mapper;
    /**
     * The same mapper writing canonically: properties and map entries in key order, no nulls anywhere. What it
     * writes for a known payload is what {@link #canonical} makes of {@link #toTree}'s payload, without the tree.
     */
    private final ObjectMapper canonicalMapper;

    public EventCodec(EventSchema schema) {
        this.schema = schema;
        SimpleModule envelopes = new SimpleModule("event-envelope");
        envelopes.addSerializer(EventEnvelope.class, new EnvelopeSerializer());
        envelopes.addDeserializer(EventEnvelope.class, new EnvelopeDeserializer());
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(envelopes)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Maps in payloads (promotion parameters, multipliers) are written in one order on every JVM.
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        this.canonicalMapper = ((JsonMapper) mapper).rebuild()
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .build();
    }

    public static EventCodec standard() {
        return new EventCodec(EventSchema.standard());
    }

    /** The configured mapper, for protocol messages that contain events. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * The envelope as JSON, written straight to text (no intermediate tree): this runs for every event a till
     * records, inside the sale's transaction. Same content as {@link #toTree}.
     */
    public String toJson(EventEnvelope envelope) {
        Event payload = envelope.payload();
        if (payload instanceof UnknownEvent) {
            try {
                return mapper.writeValueAsString(toTree(envelope));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write event " + envelope.eventId(), e);
            }
        }
        java.io.StringWriter out = new java.io.StringWriter(512);
        try (JsonGenerator gen = mapper.getFactory().createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringField("eventId", envelope.eventId().toString());
            gen.writeStringField("storeId", envelope.storeId().value());
            gen.writeStringField("tillId", envelope.tillId().value());
            gen.writeNumberField("tillEpoch", envelope.tillEpoch());
            gen.writeNumberField("tillSeq", envelope.tillSeq());
            gen.writeNumberField("hlc", envelope.hlc());
            gen.writeStringField("occurredAt", envelope.occurredAt().toString());
            String type = EventTypes.typeOf(payload).name();
            gen.writeStringField("type", type);
            gen.writeNumberField("schemaVersion", schema.currentVersion(type));
            gen.writeFieldName("payload");
            mapper.writeValue(gen, payload);
            if (envelope.prevHash() != null) {
                gen.writeStringField("prevHash", envelope.prevHash());
            }
            gen.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write event " + envelope.eventId(), e);
        }
        return out.toString();
    }

    public ObjectNode toTree(EventEnvelope envelope) {
        ObjectNode node = mapper.createObjectNode();
        node.put("eventId", envelope.eventId().toString());
        node.put("storeId", envelope.storeId().value());
        node.put("tillId", envelope.tillId().value());
        node.put("tillEpoch", envelope.tillEpoch());
        node.put("tillSeq", envelope.tillSeq());
        node.put("hlc", envelope.hlc());
        node.put("occurredAt", envelope.occurredAt().toString());
        Event payload = envelope.payload();
        if (payload instanceof UnknownEvent unknown) {
            node.put("type", unknown.type());
            node.put("schemaVersion", unknown.schemaVersion());
            node.set("payload", unknown.payload());
        } else {
            String type = EventTypes.typeOf(payload).name();
            node.put("type", type);
            node.put("schemaVersion", schema.currentVersion(type));
            node.set("payload", mapper.valueToTree(payload));
        }
        if (envelope.prevHash() != null) {
            node.put("prevHash", envelope.prevHash());
        }
        return node;
    }

    /**
     * The hash the next event of this till and epoch carries as its {@code prevHash}: SHA-256 over this event's
     * canonical JSON as it is pushed (docs/protocol.md, "Event chain").
     */
    public String chainHash(EventEnvelope envelope) {
        return EventChain.hashOf(toCanonicalJson(envelope));
    }

    /**
     * The envelope in its canonical spelling ({@link #canonical} of {@link #toTree}), written straight to text: the
     * till stores this and hashes it for the chain, one encoding per event recorded, inside the sale's transaction.
     */
    public String toCanonicalJson(EventEnvelope envelope) {
        Event payload = envelope.payload();
        if (payload instanceof UnknownEvent || PolymorphicParts.in(payload.getClass())) {
            return canonical(toTree(envelope));
        }
        String type = EventTypes.typeOf(payload).name();
        java.io.StringWriter out = new java.io.StringWriter(512);
        // The envelope's own keys, in the order String.compareTo sorts them.
        try (JsonGenerator gen = canonicalMapper.getFactory().createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringField("eventId", envelope.eventId().toString());
            gen.writeNumberField("hlc", envelope.hlc());
            gen.writeStringField("occurredAt", envelope.occurredAt().toString());
            gen.writeFieldName("payload");
            canonicalMapper.writeValue(gen, payload);
            if (envelope.prevHash() != null) {
                gen.writeStringField("prevHash", envelope.prevHash());
            }
            gen.writeNumberField("schemaVersion", schema.currentVersion(type));
            gen.writeStringField("storeId", envelope.storeId().value());
            gen.writeNumberField("tillEpoch", envelope.tillEpoch());
            gen.writeStringField("tillId", envelope.tillId().value());
            gen.writeNumberField("tillSeq", envelope.tillSeq());
            gen.writeStringField("type", type);
            gen.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write event " + envelope.eventId(), e);
        }
        return out.toString();
    }

    public EventEnvelope fromJson(String json) {
        return fromTree(readTree(json));
    }

    public EventEnvelope fromTree(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new MalformedEventException("an event must be a JSON object");
        }
        EventId eventId = new EventId(uuid(node, "eventId"));
        StoreId storeId = id(node, "storeId", StoreId::new);
        TillId tillId = id(node, "tillId", TillId::new);
        long tillEpoch = positive(node, "tillEpoch");
        if (tillEpoch > Integer.MAX_VALUE) {
            throw new MalformedEventException("tillEpoch is too large: " + tillEpoch);
        }
        long tillSeq = positive(node, "tillSeq");
        long hlc = integer(node, "hlc");
        Instant occurredAt = instant(node, "occurredAt");
        String type = text(node, "type");
        long version = positive(node, "schemaVersion");
        JsonNode payloadNode = node.get("payload");
        if (payloadNode == null || !payloadNode.isObject()) {
            throw new MalformedEventException("payload must be a JSON object");
        }
        Event payload = payload(type, (int) Math.min(version, Integer.MAX_VALUE), (ObjectNode) payloadNode);
        return new EventEnvelope(eventId, storeId, tillId, (int) tillEpoch, tillSeq, hlc, occurredAt, payload,
                prevHash(node));
    }

    /** The canonical spelling of a JSON value (sorted keys, no nulls), for comparing what two copies say. */
    public String canonical(JsonNode node) {
        java.io.StringWriter text = new java.io.StringWriter(256);
        try (JsonGenerator out = mapper.getFactory().createGenerator(text)) {
            CanonicalJson.write(node, out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write canonical JSON", e);
        }
        return text.toString();
    }

    public JsonNode readTree(String json) {
        try {
            JsonNode node = mapper.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new MalformedEventException("the body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** As {@link #readTree(String)}, from UTF-8 bytes as they came off the wire (one decoding fewer). */
    public JsonNode readTree(byte[] json) {
        try {
            JsonNode node = mapper.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new MalformedEventException("the body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedEventException("not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Reads a protocol message, turning every binding problem into a {@link MalformedEventException}. */
    public <T> T read(String json, Class<T> type) {
        try {
            T value = mapper.readValue(json, type);
            if (value == null) {
                throw new MalformedEventException("the body is empty");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(describe(e), e);
        }
    }

    public <T> T read(JsonNode node, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException(describe(e), e);
        }
    }

    public String write(Object message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + message.getClass().getSimpleName(), e);
        }
    }

    private Event payload(String type, int version, ObjectNode payload) {
        Optional<EventTypes.Type> known = schema.type(type);
        if (known.isEmpty()) {
            return new UnknownEvent(type, version, payload, "unknown event type " + type);
        }
        int current = schema.currentVersion(type);
        if (version > current) {
            return new UnknownEvent(type, version, payload,
                    type + " version " + version + " is newer than this build reads (" + current + ")");
        }
        Optional<ObjectNode> upcast = schema.upcast(type, version, payload);
        if (upcast.isEmpty()) {
            return new UnknownEvent(type, version, payload, "no way to read " + type + " version " + version);
        }
        try {
            return mapper.treeToValue(upcast.get(), known.get().javaType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException(type + " payload: " + describe(e), e);
        }
    }

    private static String describe(Exception e) {
        String where = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? " at " + mapping.getPathReference()
                : "";
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause && !(cause instanceof MalformedEventException)) {
            cause = cause.getCause();
        }
        String what = cause instanceof JsonProcessingException processing ? processing.getOriginalMessage() : cause.getMessage();
        return (what == null ? cause.getClass().getSimpleName() : what.lines().findFirst().orElse(what)) + where;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedEventException(field + " is missing");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new MalformedEventException(field + " must be a non-empty string");
        }
        return value.asText();
    }

    /** Absent or null: an event that is not chained. */
    private static String prevHash(JsonNode node) {
        JsonNode value = node.get("prevHash");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || !EventChain.isHash(value.textValue())) {
            throw new MalformedEventException("prevHash must be 64 lowercase hex digits");
        }
        return value.textValue();
    }

    private static long integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedEventException(field + " is missing");
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new MalformedEventException(field + " must be an integer");
        }
        return value.asLong();
    }

    private static long positive(JsonNode node, String field) {
        long value = integer(node, field);
        if (value < 1) {
            throw new MalformedEventException(field + " must be at least 1");
        }
        return value;
    }

    private static UUID uuid(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(field + " is not a UUID: " + value, e);
        }
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        Instant quick = IsoInstants.parseUtc(value);
        if (quick != null) {
            return quick;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException(field + " is not an ISO-8601 instant: " + value, e);
        }
    }

    private static <T> T id(JsonNode node, String field, java.util.function.Function<String, T> constructor) {
        String value = text(node, field);
        try {
            return constructor.apply(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(e.getMessage(), e);
        }
    }

    private final class EnvelopeSerializer extends StdSerializer<EventEnvelope> {
        EnvelopeSerializer() {
            super(EventEnvelope.class);
        }

        @Override
        public void serialize(EventEnvelope value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeTree(toTree(value));
        }
    }

    private final class EnvelopeDeserializer extends StdDeserializer<EventEnvelope> {
        EnvelopeDeserializer() {
            super(EventEnvelope.class);
        }

        @Override
        public EventEnvelope deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = context.readTree(parser);
            try {
                return fromTree(node);
            } catch (MalformedEventException e) {
                throw JsonMappingException.from(parser, e.getMessage(), e);
            }
        }
    }
}
