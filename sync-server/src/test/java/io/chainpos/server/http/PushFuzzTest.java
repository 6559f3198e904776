package io.chainpos.server.http;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.points;
import static io.chainpos.server.testing.Facts.registered;
import static io.chainpos.server.testing.Facts.sale;
import static io.chainpos.server.testing.Facts.stock;
import static io.chainpos.server.testing.Facts.storedValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.StockChanged;
import io.chainpos.server.testing.Api;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.TestServer.EnrolledTill;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of broken push bodies from a seed ({@code -Dfuzz.seed} replays another): garbage bytes, JSON of
 * the wrong shape, and valid batches of real events with structured mutations (fields removed, retyped,
 * pushed to their limits; events reordered, repeated, of other tills). Every answer is a 4xx with a JSON
 * {@code {error, detail}} or a normal answer, never a 5xx, and the server keeps serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushFuzzTest {
    static final int BODIES = 2_500;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    TestServer server;
    EnrolledTill till;
    Random random;
    final Map<String, Integer> statuses = new TreeMap<>();

    TestServer startServer(Path folder) {
        return TestServer.start(folder);
    }

    @BeforeAll
    void start(@TempDir Path dir) {
        server = startServer(dir);
        till = server.enroll("S001", "S001-T1");
        server.enroll("S002", "S002-T1");
        random = new Random(Long.getLong("fuzz.seed", 20_261_124L));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void noBrokenPushEverGetsAServerErrorAndTheServerKeepsServing() {
        List<Supplier<byte[]>> generators = List.of(this::garbage, this::wrongShape, this::mutatedBatch, this::mutatedBatch,
                this::mutatedBatch, this::reorderedBatch);
        for (int i = 0; i < BODIES; i++) {
            byte[] body = generators.get(random.nextInt(generators.size())).get();
            Api.Reply reply = till.api().post("/api/v1/sync/push", body);
            String what = "body " + i + " (fuzz seed " + Long.getLong("fuzz.seed", 20_261_124L) + "): " + preview(body) + " -> " + reply;
            statuses.merge(reply.status() + " " + (reply.status() == 200 ? "" : errorOf(reply)), 1, Integer::sum);
            assertThat(reply.status()).as(what).isLessThan(500);
            assertThat(reply.contentType()).as(what).startsWith("application/json");
            if (reply.status() >= 400) {
                JsonNode json = Json.parse(reply.body());
                assertThat(json.path("error").isTextual() && json.path("detail").isTextual()).as(what).isTrue();
            }
        }

        org.slf4j.LoggerFactory.getLogger(PushFuzzTest.class).info("fuzz answers: {}", statuses);
        assertThat(statuses.keySet()).as("the fuzzing reached past parsing: %s", statuses)
                .anyMatch(s -> s.startsWith("200")).anyMatch(s -> s.startsWith("409")).anyMatch(s -> s.startsWith("400"));
        assertThat(server.anonymous().get("/health").status()).isEqualTo(200);
        long mark = server.ports.log().mark(till.writer().till, 1).ackedThrough();
        EventEnvelope next = new io.chainpos.server.testing.TillWriter("S001", "S001-T1", 1, server.clock).next(points(member(1), 1));
        EventEnvelope after = new EventEnvelope(next.eventId(), next.storeId(), next.tillId(), 1, mark + 1, next.hlc(),
                next.occurredAt(), next.payload());
        Api.Reply valid = till.push(List.of(after));
        assertThat(valid.status()).as(valid.body()).isEqualTo(200);
        assertThat(valid.json().get("ackedThrough").asLong()).isEqualTo(mark + 1);
    }

    private static String errorOf(Api.Reply reply) {
        try {
            return reply.json().path("error").asText();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    // ---- generators ------------------------------------------------------------------------------------

    private byte[] garbage() {
        return switch (random.nextInt(8)) {
            case 0 -> {
                byte[] bytes = new byte[random.nextInt(300)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 1 -> new byte[0];
            case 2 -> " \n\t".repeat(random.nextInt(1000)).getBytes(StandardCharsets.UTF_8);
            case 3 -> ("\uFEFF" + validBatch().toString()).getBytes(StandardCharsets.UTF_8);
            case 4 -> new byte[] {(byte) 0xC3, (byte) 0x28, '{', '}', (byte) 0xFF, (byte) 0xFE};
            case 7 -> {
                int depth = 1_000 + random.nextInt(20_000);
                yield ("{\"tillId\":\"S001-T1\",\"tillEpoch\":1,\"events\":[{\"payload\":" + "[".repeat(depth) + "]".repeat(depth) + "}]}")
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> {
                String valid = validBatch().toString();
                yield valid.substring(0, random.nextInt(valid.length())).getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                String alphabet = "{}[]\":,0123456789-+.eEtrufalsn \\/'会员积分\u0000\u2028";
                StringBuilder text = new StringBuilder();
                for (int i = 0, n = random.nextInt(200); i < n; i++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                yield text.toString().getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    private byte[] wrongShape() {
        List<JsonNode> junk = junk();
        ObjectNode body = validBatch();
        switch (random.nextInt(6)) {
            case 0 -> {
                return junk.get(random.nextInt(junk.size())).toString().getBytes(StandardCharsets.UTF_8);
            }
            case 1 -> body.remove(List.of("tillId", "tillEpoch", "events").get(random.nextInt(3)));
            case 2 -> body.set(List.of("tillId", "tillEpoch", "events").get(random.nextInt(3)), junk.get(random.nextInt(junk.size())));
            case 3 -> body.put("tillId", List.of("S002-T1", "S001-T9", "HQ", "", " S001-T1", "x".repeat(100)).get(random.nextInt(6)));
            case 4 -> body.put("tillEpoch", List.of(0L, -1L, 2L, 99L, (long) Integer.MAX_VALUE + 1, Long.MAX_VALUE).get(random.nextInt(6)));
            default -> {
                ArrayNode many = body.putArray("events");
                ObjectNode one = event();
                for (int i = 0; i < 5_001; i++) {
                    many.add(one);
                }
            }
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A batch of real events with one to three mutations somewhere inside. */
    private byte[] mutatedBatch() {
        ObjectNode body = validBatch();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            mutate(body);
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Real events in the wrong order, repeated, with gaps, or of two tills. */
    private byte[] reorderedBatch() {
        ObjectNode body = validBatch();
        ArrayNode events = (ArrayNode) body.get("events");
        List<JsonNode> list = new ArrayList<>();
        events.forEach(list::add);
        switch (random.nextInt(4)) {
            case 0 -> java.util.Collections.shuffle(list, random);
            case 1 -> list.add(list.get(random.nextInt(list.size())));
            case 2 -> list.remove(random.nextInt(list.size()));
            default -> ((ObjectNode) list.get(random.nextInt(list.size()))).put("tillId", "S002-T1");
        }
        events.removeAll();
        list.forEach(events::add);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private ObjectNode validBatch() {
        ObjectNode body = NODES.objectNode();
        body.put("tillId", "S001-T1");
        body.put("tillEpoch", 1);
        ArrayNode events = body.putArray("events");
        long first = server.ports.log().mark(till.writer().till, 1).ackedThrough() + (random.nextInt(4) == 0 ? 0 : 1);
        for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
            ObjectNode event = event();
            event.put("tillSeq", first + i);
            events.add(event);
        }
        return body;
    }

    private ObjectNode event() {
        int m = random.nextInt(5);
        EventEnvelope envelope = till.writer().next(switch (random.nextInt(6)) {
            case 0 -> points(member(m), random.nextInt(500) - 200);
            case 1 -> storedValue(member(m), random.nextInt(50_000) - 20_000);
            case 2 -> stock("S001", "10000" + m, random.nextInt(5_000) - 2_500, StockChanged.Reason.SALE);
            case 3 -> registered(member(m), "1390000000" + m, "会员" + m);
            case 4 -> sale("S001-T1-" + random.nextInt(1000), "10000" + m, 300 + random.nextInt(1000));
            default -> points(member(m), 1);
        });
        ObjectNode node = Json.CODEC.toTree(envelope);
        if (random.nextInt(10) == 0) {
            node.put("schemaVersion", 7); // a newer version: must be kept, not refused
        }
        return node;
    }

    private void mutate(ObjectNode body) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(body, objects);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty()) {
            target.put("unexpected", random.nextInt());
            return;
        }
        String name = names.get(random.nextInt(names.size()));
        List<JsonNode> junk = junk();
        switch (random.nextInt(4)) {
            case 0 -> target.remove(name);
            case 1 -> target.set(name, junk.get(random.nextInt(junk.size())));
            case 2 -> target.set(name, limit(name));
            default -> target.set(name, deep(1 + random.nextInt(300)));
        }
    }

    /** Values at or past what a field can hold. */
    private JsonNode limit(String name) {
        List<JsonNode> values = List.of(NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(Long.MAX_VALUE),
                NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(new java.math.BigInteger("9223372036854775808")),
                NODES.numberNode(Integer.MAX_VALUE + 1L), NODES.numberNode(1e20), NODES.numberNode(-0.0),
                NODES.textNode("+999999999-12-31T23:59:59Z"), NODES.textNode("-999999999-01-01T00:00:00Z"),
                NODES.textNode("2026-11-23T03:00:00+08:00"), NODES.textNode("2026-13-45T99:99:99Z"),
                NODES.textNode("00000000-0000-0000-0000-000000000000"), NODES.textNode("0192F0A0-0000-7000-8000-000000000001"),
                NODES.textNode("x".repeat(100_000)), NODES.textNode("名\u0000字"), NODES.textNode("\uD800"),
                NODES.textNode("S001-T1; DROP TABLE events"), NODES.textNode(name + "'\""), NODES.textNode(""));
        return values.get(random.nextInt(values.size()));
    }

    private List<JsonNode> junk() {
        return List.of(NODES.numberNode(7), NODES.textNode(""), NODES.nullNode(), NODES.arrayNode(), NODES.objectNode(),
                NODES.booleanNode(true), NODES.numberNode(1.5), NODES.textNode("S001-T1"),
                NODES.arrayNode().add(NODES.objectNode().put("a", 1)));
    }

    private static JsonNode deep(int depth) {
        JsonNode node = NODES.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            node = i % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("n", node);
        }
        return node;
    }

    /** The objects of a batch down to the payload's own fields, not inside what an earlier mutation nested. */
    private static void collect(JsonNode node, List<ObjectNode> into) {
        collect(node, into, 0);
    }

    private static void collect(JsonNode node, List<ObjectNode> into, int depth) {
        if (depth > 8) {
            return;
        }
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        node.forEach(child -> collect(child, into, depth + 1));
    }

    private static String preview(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
