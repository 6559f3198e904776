package io.chainpos.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.model.id.MemberId;
import io.chainpos.server.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server process sending through the webhook is killed (kill -9) while the provider holds its post; a new
 * server process on the same database file sends the message again with the same idempotency key once the lease ran
 * out, and the provider sends one text. The member's reply then opts them out through the signed opt-out call.
 */
class SenderKilledTest {
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");
    private static final String SECRET = "chain-and-provider-shared-secret";

    @TempDir
    Path dir;
    LoopbackProvider provider;
    Process server;

    @AfterEach
    void stop() throws Exception {
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void aServerKilledMidSendIsFollowedByOneThatSendsTheMessageOnceAndTakesTheReplysOptOut() throws Exception {
        Path db = dir.resolve("events.db");
        String messageId;
        MemberId member;
        try (MessagingFixture fixture = MessagingFixture.on(dir, Instant.now())) {
            member = fixture.register(871, "13800008711", "孙丽", true);
            Messaging.Outcome queued = fixture.messaging(new Messaging.Rules(QuietHours.none(MessagingFixture.SHANGHAI), 3))
                    .queue(member, MessagingFixture.template("{name}，会员日快乐", "Happy member day, {name}"), "zh", Map.of(), null);
            messageId = ((Messaging.Queued) queued).messageId();
        }
        provider = new LoopbackProvider(SECRET.getBytes(StandardCharsets.UTF_8));
        provider.then(new LoopbackProvider.Hang());

        server = start(db, 1);
        port(server);
        assertThat(provider.hanging.await(60, TimeUnit.SECONDS)).as("the first server posted the message").isTrue();
        server.destroyForcibly(); // kill -9 while the post is in flight
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(status(db, messageId)).as("still queued, under the dead sender's lease").isEqualTo("QUEUED");
        provider.release();

        server = start(db, 2);
        int port = port(server);
        await().atMost(60, TimeUnit.SECONDS).until(() -> "SENT".equals(status(db, messageId)));

        assertThat(provider.requests()).hasSize(2).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(messageId);
            assertThat(r.signedRight()).isTrue();
        });
        assertThat(provider.texts()).as("the provider sent one text").containsOnlyKeys(messageId);

        String reply = "{\"messageId\":\"" + messageId + "\",\"text\":\"TD\"}";
        assertThat(optOut(port, reply, "not-the-secret").statusCode()).isEqualTo(401);
        HttpResponse<String> taken = optOut(port, reply, SECRET);
        assertThat(taken.statusCode()).isEqualTo(200);
        assertThat(taken.body()).contains(member.toString());
        assertThat(optOuts(db, member.toString())).isEqualTo(1);
    }

    private HttpResponse<String> optOut(int port, String body, String secret) throws Exception {
        long now = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/messages/opt-out"))
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret.getBytes(StandardCharsets.UTF_8), now, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private Process start(Path db, int run) throws IOException {
        ProcessBuilder builder = ChildJvm.serverMain(List.of("serve", "--port", "0", "--host", "127.0.0.1", "--db", db.toString()))
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("server-" + run + ".log").toFile()));
        builder.environment().put("CHAINPOS_MESSAGES_WEBHOOK_URL", provider.url().toString());
        builder.environment().put("CHAINPOS_MESSAGES_WEBHOOK_SECRET", SECRET);
        builder.environment().put("CHAINPOS_MESSAGES_QUIET", "00:00-00:00");
        builder.environment().put("CHAINPOS_MESSAGES_LEASE_SECONDS", "3");
        builder.environment().put("CHAINPOS_LOYALTY_SCHEDULE", "off");
        return builder.start();
    }

    private int port(Process process) throws Exception {
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        return Integer.parseInt(matcher.group(1));
                    }
                }
                throw new IllegalStateException("the server ended without listening");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return port.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the server did not start: " + logs(), e);
        }
    }

    private String logs() throws IOException {
        StringBuilder logs = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                logs.append(Files.readString(log));
            }
        }
        return logs.toString();
    }

    private static String status(Path db, String messageId) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             var statement = c.prepareStatement("SELECT status FROM message_outbox WHERE message_id = ?")) {
            statement.setString(1, messageId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static int optOuts(Path db, String memberId) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             var statement = c.prepareStatement("SELECT COUNT(*) FROM message_opt_outs WHERE member_id = ?")) {
            statement.setString(1, memberId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
