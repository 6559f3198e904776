package io.chainpos.server.http;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.points;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainpos.server.testing.Api;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.TestServer.EnrolledTill;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of broken requests, generated from a fixed seed: every one gets a 4xx with a JSON
 * {@code {error, detail}} (or, for a mutation that happens to stay valid, a normal answer), never a 5xx,
 * and the server keeps serving afterwards.
 */
class MalformedRequestsTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @TempDir
    static Path dir;
    static TestServer server;
    static EnrolledTill till;
    static Api headOffice;
    final Random random = new Random(20261123);

    @BeforeAll
    static void start() {
        server = TestServer.start(dir);
        till = server.enroll("S001", "S001-T1");
        headOffice = server.headOffice();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static void assertRefusedWithJson(String what, Api.Reply reply) {
        assertThat(reply.status()).as("%s -> %s", what, reply).isBetween(400, 499);
        assertThat(reply.contentType()).as(what).startsWith("application/json");
        JsonNode body = Json.parse(reply.body());
        assertThat(body.get("error").isTextual()).as(what).isTrue();
        assertThat(body.get("detail").isTextual()).as(what).isTrue();
    }

    static void assertNoServerError(String what, Api.Reply reply) {
        assertThat(reply.status()).as("%s -> %s", what, reply).isLessThan(500);
        if (reply.status() >= 400) {
            assertRefusedWithJson(what, reply);
        }
    }

    @Test
    void garbageBodiesAreRefusedWithJsonStoreNothingAndTheServerKeepsServing() {
        EnrolledTill garbling = server.enroll("S001", "S001-T7"); // pushes nothing but garbage before its first event
        List<Supplier<byte[]>> generators = List.of(this::randomBytes, this::randomText, this::truncatedJson,
                this::deeplyNested, this::wrongTypes, this::hugeNumbers);
        for (int i = 0; i < 300; i++) {
            byte[] body = generators.get(i % generators.size()).get();
            String path = List.of("/api/v1/sync/push", "/api/v1/enroll", "/api/v1/login").get(random.nextInt(3));
            Api api = path.equals("/api/v1/sync/push") ? garbling.api() : server.anonymous();
            assertRefusedWithJson(path + " " + preview(body), api.post(path, body));
        }

        // Had any garbage been taken as an event, this till's first real one would not be stored as exactly seq 1.
        Api.Reply first = garbling.push(List.of(garbling.writer().next(points(member(3), 1))));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode acked = Json.parse(first.body());
        assertThat(acked.get("ackedThrough").asLong()).isEqualTo(1);
        assertThat(acked.get("accepted").asInt()).isEqualTo(1);
        assertServerStillServes();
    }

    @Test
    void mutatedEventsNeverCauseAServerError() {
        for (int i = 0; i < 300; i++) {
            ObjectNode event = Json.CODEC.toTree(till.writer().next(points(member(1), 1)));
            mutate(event);
            String body = Json.push("S001-T1", 1, List.of(event));
            assertNoServerError("push " + event, till.api().post("/api/v1/sync/push", body));
        }

        assertServerStillServes();
    }

    @Test
    void badQueriesAndPathsAreRefusedWithJson() {
        List<String> refused = List.of( "/api/v1/sync/pull?after=1.5",
                "/api/v1/members/%00", "/api/v1/members/..%2F..%2Fetc", "/api/v1/stock?storeId=&sku=",
                "/api/v1/exceptions?limit=x", "/nothing/here", "/api/v1/sync/pull/extra");
        for (String path : refused) {
            assertRefusedWithJson(path, (path.startsWith("/api/v1/exceptions") ? headOffice : till.api()).get(path));
        }
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String junk = URLEncoder.encode(new String(randomText(), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            paths.add(List.of("/api/v1/sync/pull?after=", "/api/v1/sync/pull?limit=", "/api/v1/members/",
                    "/api/v1/members?phone=", "/api/v1/stock?storeId=S001&sku=", "/api/v1/exceptions?limit=")
                    .get(i % 6) + junk);
        }
        for (String path : paths) {
            Api api = path.startsWith("/api/v1/exceptions") ? headOffice : till.api();
            assertNoServerError(path, api.get(path));
        }

        assertServerStillServes();
    }

    @Test
    void requestsJettyRefusesBeforeJavalinAreJsonToo() throws java.io.IOException {
        for (String target : List.of("/api/v1/sync/pull?after=%zz", "/api/v1/members/%zz", "/api/v1/members?phone=%E4%BC")) {
            Api.Reply reply = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer x\r\n"
                    + "Connection: close\r\n\r\n");
            assertRefusedWithJson(target, reply);
        }
        assertRefusedWithJson("a request line that is not HTTP", raw("NONSENSE\r\n\r\n"));
    }

    /** Sends bytes no well-behaved client would, and reads the status line, content type and body back. */
    private static Api.Reply raw(String request) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.uri().getPort())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            String head = response.substring(0, response.indexOf("\r\n\r\n"));
            String contentType = head.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring(13).trim()).findFirst().orElse("");
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
            }
            return new Api.Reply(status, body, contentType);
        }
    }

    @Test
    void unknownRoutesAndWrongMethodsAnswerJson() {
        assertRefusedWithJson("404", server.anonymous().get("/api/v2/anything"));
        assertThat(server.anonymous().get("/api/v2/anything").status()).isEqualTo(404);
        Api.Reply wrongMethod = till.api().method("PUT", "/api/v1/sync/push");
        assertRefusedWithJson("405", wrongMethod);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(till.api().method("DELETE", "/api/v1/members/" + member(1)).status()).isEqualTo(405);
    }

    private void assertServerStillServes() {
        assertThat(server.anonymous().get("/health").status()).isEqualTo(200);
        Api.Reply push = till.push(List.of(till.writer().next(points(member(2), 1))));
        assertThat(push.status()).as(push.body()).isIn(200, 409);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] randomText() {
        String alphabet = "{}[]\":,0123456789-+.eEtrufalsn \\/'会员积分\u0000\u2028";
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = random.nextInt(80); i < n; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] truncatedJson() {
        String valid = Json.push(till.writer(), List.of(till.writer().next(points(member(3), 1))));
        return valid.substring(0, random.nextInt(valid.length() - 1)).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] deeplyNested() {
        int depth = 1_000 + random.nextInt(5_000);
        String body = "{\"tillId\":\"S001-T1\",\"tillEpoch\":1,\"events\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] wrongTypes() {
        ObjectNode body = NODES.objectNode();
        List<JsonNode> junk = List.of(NODES.numberNode(7), NODES.textNode(""), NODES.nullNode(), NODES.arrayNode(),
                NODES.objectNode(), NODES.booleanNode(true), NODES.numberNode(1.5), NODES.textNode("S001-T1"));
        body.set("tillId", junk.get(random.nextInt(junk.size())));
        body.set("tillEpoch", junk.get(random.nextInt(junk.size())));
        body.set("events", junk.get(random.nextInt(junk.size())));
        body.set("code", junk.get(random.nextInt(junk.size())));
        body.set("username", junk.get(random.nextInt(junk.size())));
        if (body.get("tillId").isTextual() && body.get("tillEpoch").isNumber() && body.get("events").isArray()) {
            ((ArrayNode) body.get("events")).add(junk.get(random.nextInt(junk.size())));
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] hugeNumbers() {
        String huge = List.of("1e400", "-1e400", "99999999999999999999999999", "1" + "0".repeat(2_000), "-0.0e-99999")
                .get(random.nextInt(5));
        String body = "{\"tillId\":\"S001-T1\",\"tillEpoch\":" + huge + ",\"events\":[],\"code\":" + huge
                + ",\"username\":" + huge + ",\"password\":" + huge + "}";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces one field, anywhere in the event, with junk of another type, or removes it. */
    private void mutate(ObjectNode event) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(event, objects);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty()) {
            target.put("x", 1);
            return;
        }
        String name = names.get(random.nextInt(names.size()));
        switch (random.nextInt(9)) {
            case 0 -> target.remove(name);
            case 1 -> target.putNull(name);
            case 2 -> target.put(name, new java.math.BigInteger("9".repeat(30)));
            case 3 -> target.put(name, -1);
            case 4 -> target.put(name, "\u0000" + "x".repeat(random.nextInt(300)));
            case 5 -> target.putArray(name).add(1).addObject().put("a", "b");
            case 6 -> target.putObject(name).putObject("nested").putArray("deeper").add(NODES.nullNode());
            case 7 -> target.put(name, 1e308 * 10);
            default -> target.put(name, random.nextBoolean());
        }
    }

    private static void collect(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        node.forEach(child -> collect(child, into));
    }

    private static String preview(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
