package io.chainpos.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.server.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published contract lists every endpoint the server answers for machines (tills, scripts, monitoring), and no
 * endpoint the server does not have: the route table of {@code docs/protocol.md} against the routes of a running server.
 */
class ProtocolDocumentTest {
    private static final Path PROTOCOL = Path.of("../docs/protocol.md");
    /** A row of the route table: {@code | `METHOD /path?query` |}. */
    private static final Pattern ROW = Pattern.compile("^\\| `(GET|POST|PUT|DELETE|PATCH) ([^`?]+)[^`]*` \\|", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void everyApiRouteIsInTheProtocolsRouteTableAndNothingElseIs() throws IOException {
        Set<String> documented = new LinkedHashSet<>();
        Matcher row = ROW.matcher(Files.readString(PROTOCOL, StandardCharsets.UTF_8));
        while (row.find()) {
            documented.add(row.group(1) + " " + row.group(2));
        }
        List<String> served;
        try (TestServer server = TestServer.start(dir)) {
            served = server.httpRoutes().stream()
                    .filter(route -> route.contains(" /api/") || route.endsWith(" /health") || route.endsWith(" /metrics"))
                    .map(route -> route.replaceAll("\\{(\\w+)}", "{$1}"))
                    .toList();
        }

        assertThat(served).as("the server's API routes").contains("POST /api/v1/sync/push", "GET /health");
        assertThat(documented).as("routes in docs/protocol.md").containsExactlyInAnyOrderElementsOf(served);
    }
}
