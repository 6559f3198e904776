package io.chainpos.server.auth;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.points;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.id.TillId;
import io.chainpos.server.testing.Api;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.TestServer.EnrolledTill;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A revoked till's token is refused by every endpoint of the API, the member-key channel included: each route the
 * server answers is called with it, before revocation (the token is known: anything but 401) and after (401).
 * Routes come from the server itself, so a new endpoint is covered the day it is added.
 */
class RevokedTillTest {
    /** Routes a caller uses before it has any token. */
    // The message provider's opt-out call is signed with the webhook's secret, not a till's token.
    private static final Set<String> WITHOUT_TOKEN = Set.of("POST /api/v1/enroll", "POST /api/v1/login", "POST /api/v1/messages/opt-out");
    private static final Map<String, String> BODIES = Map.of(
            "POST /api/v1/sync/push", "{\"tillId\":\"S001-T1\",\"tillEpoch\":1,\"events\":[]}",
            "PUT /api/v1/members/keys", "{\"keys\":[]}",
            "POST /api/v1/members/keys/lookup", "{\"memberIds\":[\"" + member(1) + "\"]}",
            "POST /api/v1/members/lookup", "{\"phone\":\"13800138000\"}");

    @TempDir
    Path dir;
    TestServer server;

    TestServer startServer(Path folder) {
        return TestServer.start(folder);
    }

    @BeforeEach
    void start() {
        server = startServer(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRevokedTillsTokenIsRefusedByEveryEndpointTheKeyChannelIncluded() {
        EnrolledTill till = server.enroll("S001", "S001-T1");
        assertThat(till.push(till.writer().next(List.of(points(member(1), 5)))).status()).isEqualTo(200);
        List<String> routes = server.httpRoutes().stream()
                .filter(route -> route.contains(" /api/") && !WITHOUT_TOKEN.contains(route)).toList();
        assertThat(routes).contains("PUT /api/v1/members/keys", "POST /api/v1/members/keys/lookup", "POST /api/v1/sync/push",
                "GET /api/v1/sync/pull", "GET /api/v1/sync/snapshot");

        Map<String, Integer> before = statuses(till.api(), routes);
        assertThat(before).as("the live token is known everywhere").doesNotContainValue(401);
        assertThat(before.get("POST /api/v1/members/keys/lookup")).isEqualTo(200);

        assertThat(server.ports.accounts().revokeTill(TillId.of("S001-T1"), server.clock.instant())).isTrue();

        Map<String, Integer> after = statuses(till.api(), routes);
        Map<String, Integer> anonymous = statuses(server.anonymous(), routes);
        // GET /api/v1/members?phone= answers 400 phone_in_url to everyone, with or without a token: it gives nothing.
        assertThat(anonymous).as("what needs no token at all").containsExactlyInAnyOrderEntriesOf(
                routes.stream().collect(java.util.stream.Collectors.toMap(r -> r, r -> r.equals("GET /api/v1/members") ? 400 : 401)));
        assertThat(after).as("every route, after revocation, answers as to a caller with no token").isEqualTo(anonymous);
    }

    private Map<String, Integer> statuses(Api api, List<String> routes) {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replace("{memberId}", member(1).toString())
                    .replace("{id}", java.util.UUID.nameUUIDFromBytes(route.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
            String body = BODIES.getOrDefault(route, "{}");
            HttpRequest.Builder request = api.request(path);
            request = switch (method) {
                case "GET", "HEAD" -> request.method(method, HttpRequest.BodyPublishers.noBody());
                default -> request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body));
            };
            statuses.put(route, api.send(request).status());
        }
        return statuses;
    }
}
