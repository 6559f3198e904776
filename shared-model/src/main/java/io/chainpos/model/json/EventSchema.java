package io.chainpos.model.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainpos.model.event.EventTypes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Which schema version of each event type this build reads and writes, and the steps (upcasters) that read
 * an older version forward one version at a time. When a type's payload changes, its version in
 * {@link EventTypes} goes up and a step from the previous version is added in {@link #standard()}.
 */
public final class EventSchema {

    private record Entry(EventTypes.Type type, int currentVersion, TreeMap<Integer, UnaryOperator<ObjectNode>> steps,
                         UnaryOperator<ObjectNode> firstShape) {
    }

    private final Map<String, Entry> entries;

    private EventSchema(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    public static EventSchema standard() {
        Map<String, Entry> entries = new HashMap<>();
        for (EventTypes.Type type : EventTypes.ALL) {
            entries.put(type.name(), new Entry(type, type.version(), new TreeMap<>(), UnaryOperator.identity()));
        }
        // Version 1 of two payloads grew a field in place before the protocol was published (docs/protocol.md, "The
        // first shapes"): events written in the first shape are read with the field's documented default. Never again:
        // from now on a payload change is a new schemaVersion with an upcaster below.
        firstShape(entries, "SaleCompleted", payload -> {
            if (!payload.hasNonNull("currency")) {
                payload.put("currency", FIRST_SHAPE_CURRENCY);
            }
            return payload;
        });
        firstShape(entries, "PointsChanged", payload -> {
            if (!payload.has("qualifyingSpend")) {
                payload.put("qualifyingSpend", 0L);
            }
            return payload;
        });
        // Upcasters go here, one per (type, from version), when a payload's shape changes.
        return new EventSchema(entries)
                // SaleRefunded 2 added refundNo, the slip's readable number: a refund recorded before has none (null).
                .withUpcaster("SaleRefunded", 1, payload -> payload);
    }

    /** The currency of a sale written before {@code currency} was part of it: every chain then sold in yuan. */
    public static final String FIRST_SHAPE_CURRENCY = "CNY";

    private static void firstShape(Map<String, Entry> entries, String type, UnaryOperator<ObjectNode> fill) {
        Entry entry = entries.get(type);
        entries.put(type, new Entry(entry.type(), entry.currentVersion(), entry.steps(), fill));
    }

    /** A schema that also reads {@code type} at {@code fromVersion} forward to {@code fromVersion + 1}. */
    public EventSchema withUpcaster(String type, int fromVersion, UnaryOperator<ObjectNode> step) {
        Entry entry = entries.get(type);
        if (entry == null) {
            throw new IllegalArgumentException("no such event type: " + type);
        }
        TreeMap<Integer, UnaryOperator<ObjectNode>> steps = new TreeMap<>(entry.steps());
        steps.put(fromVersion, step);
        Map<String, Entry> copy = new HashMap<>(entries);
        copy.put(type, new Entry(entry.type(), Math.max(entry.currentVersion(), fromVersion + 1), steps, entry.firstShape()));
        return new EventSchema(copy);
    }

    public Optional<EventTypes.Type> type(String name) {
        return Optional.ofNullable(entries.get(name)).map(Entry::type);
    }

    public int currentVersion(String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("no such event type: " + name);
        }
        return entry.currentVersion();
    }

    /**
     * The payload read forward from {@code version} to the current version, or empty when some step on the
     * way is missing (the event is then kept as unknown rather than misread).
     */
    Optional<ObjectNode> upcast(String name, int version, ObjectNode payload) {
        Entry entry = entries.get(name);
        ObjectNode current = version == 1 ? entry.firstShape().apply(payload.deepCopy()) : payload;
        for (int v = version; v < entry.currentVersion(); v++) {
            UnaryOperator<ObjectNode> step = entry.steps().get(v);
            if (step == null) {
                return Optional.empty();
            }
            current = step.apply(current.deepCopy());
        }
        return Optional.of(current);
    }
}
