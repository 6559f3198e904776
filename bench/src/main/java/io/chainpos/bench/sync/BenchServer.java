package io.chainpos.bench.sync;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.server.ServerMain;
import io.chainpos.server.auth.Enrollment;
import io.chainpos.server.cli.ServerSettings;
import io.chainpos.server.cli.Services;
import io.chainpos.server.db.DatabaseSettings;
import io.chainpos.server.db.Storage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real sync server on loopback over a benchmark database, and tills enrolled with it over HTTP. */
final class BenchServer implements AutoCloseable {
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    final BenchDatabase database;
    final Storage storage;
    private final ServerMain main = new ServerMain(Clock.systemUTC(), new SecureRandom());
    private final Services.RunningServer running;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    BenchServer(String kind) {
        database = BenchDatabase.open(kind);
        storage = main.openStorage(DatabaseSettings.of(database.spec()).withPoolSize(8));
        running = main.start(storage, ServerSettings.of("127.0.0.1", 0, false));
        projector = main.ports(storage).projector();
    }

    /** What merges the log into head office's projections behind the pushes (the server's own follows it too). */
    final io.chainpos.server.log.Projector projector;

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + running.port() + path);
    }

    /** Enrolls {@code till} of {@code store} as a till does and returns its device token. */
    String enroll(String store, String till) {
        Enrollment.Issued issued = new Enrollment(main.accounts(storage), main.secrets(), Clock.systemUTC())
                .issueCode(StoreId.of(store), TillId.of(till));
        String code = ((Enrollment.Issued.Code) issued).code();
        String reply = send(HttpRequest.newBuilder(uri("/api/v1/enroll"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")).build());
        Matcher matcher = TOKEN.matcher(reply);
        if (!matcher.find()) {
            throw new IllegalStateException("enrollment failed: " + reply);
        }
        return matcher.group(1);
    }

    /** Pushes a body as {@code token}'s till and checks it was acknowledged. */
    void push(String token, String body) {
        send(HttpRequest.newBuilder(uri("/api/v1/sync/push")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri().getPath() + " answered " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(300, response.body().length())));
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        running.close();
        storage.close();
        database.close();
    }
}
