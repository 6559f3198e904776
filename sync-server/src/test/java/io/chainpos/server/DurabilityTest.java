package io.chainpos.server;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.points;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.EventId;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.auth.Enrollment;
import io.chainpos.server.Ports;
import io.chainpos.server.log.EventLog;
import io.chainpos.server.log.PullPage;
import io.chainpos.server.log.PullQuery;
import io.chainpos.server.db.Storage;
import io.chainpos.server.testing.Api;
import io.chainpos.server.testing.ChildJvm;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TillWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acked events survive {@code kill -9}: the server runs as a child JVM on a SQLite file, three tills push
 * concurrently, the server is killed while pushes are in flight, restarted on the same file, and killed
 * again. Every event ever acked must be stored exactly once, the marks must cover them, and the balances
 * merged in the same transactions must agree with the log.
 */
class DurabilityTest {
    private static final int TILLS = 3;
    private static final int KILLS = 3;
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

    @TempDir
    Path dir;
    final Random random = new Random(2026_11_23);

    /** One till's side: every event it ever wrote, and the highest seq the server acked. */
    static final class TillSide {
        final TillWriter writer;
        final String token;
        final List<EventEnvelope> written = new ArrayList<>();
        final AtomicLong acked = new AtomicLong();
        final Random random;

        TillSide(TillWriter writer, String token, long seed) {
            this.writer = writer;
            this.token = token;
            this.random = new Random(seed);
        }

        /** The next batch: everything not yet acked, topped up with new events, like a till's sync agent. */
        synchronized List<EventEnvelope> nextBatch(int memberNo) {
            int size = 1 + random.nextInt(40);
            while (written.size() < acked.get() + size) {
                written.add(writer.next(points(member(memberNo), 1)));
            }
            return List.copyOf(written.subList((int) acked.get(), (int) acked.get() + size));
        }
    }

    @Test
    void everyAckedEventSurvivesKillMinusNineOfTheServer() throws Exception {
        Path db = dir.resolve("chainpos.db");
        List<String> codes = issueCodes(db);
        List<TillSide> tills = new ArrayList<>();
        AtomicInteger inFlight = new AtomicInteger();
        List<Integer> inFlightAtKill = new ArrayList<>();
        for (int cycle = 0; cycle < KILLS; cycle++) {
            Process server = startServer(db, cycle);
            try {
                Api api = new Api(URI.create("http://127.0.0.1:" + port(server) + "/"), null);
                if (tills.isEmpty()) {
                    tills.addAll(enroll(api, codes));
                }
                AtomicInteger acks = new AtomicInteger();
                int killAfter = 15 + random.nextInt(30);
                runPushers(api, tills, acks, inFlight, () -> {
                    await().atMost(Duration.ofSeconds(60)).until(() -> acks.get() >= killAfter);
                    inFlightAtKill.add(inFlight.get());
                    server.destroyForcibly(); // kill -9, with pushes in flight
                    waitFor(server);
                });
            } finally {
                server.destroyForcibly();
                waitFor(server);
            }
        }

        assertThat(inFlightAtKill).as("pushes in flight when the server was killed").anySatisfy(n -> assertThat(n).isPositive());
        assertEveryAckedEventIsStoredOnce(db, tills);
        Process last = startServer(db, KILLS);
        try {
            Api api = new Api(URI.create("http://127.0.0.1:" + port(last) + "/"), null);
            for (TillSide till : tills) { // the tills catch up: resent events are duplicates, not new ones
                List<EventEnvelope> unacked = till.written.subList((int) till.acked.get(), till.written.size());
                Api.Reply reply = api.as(till.token).post("/api/v1/sync/push", Json.push(till.writer, unacked));
                assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                till.acked.set(reply.json().get("ackedThrough").asLong());
                assertThat(till.acked.get()).isEqualTo(till.written.size());
            }
        } finally {
            last.destroy();
            waitFor(last);
        }
        assertEveryAckedEventIsStoredOnce(db, tills);
    }

    private List<String> issueCodes(Path db) {
        Clock clock = Clock.systemUTC();
        try (Storage storage = Storage.open(db.toString())) {
            Enrollment enrollment = new Enrollment(Ports.on(storage, Json.CODEC, clock).accounts(), new io.chainpos.server.auth.Secrets(random), clock);
            List<String> codes = new ArrayList<>();
            for (int t = 1; t <= TILLS; t++) {
                Enrollment.Issued issued = enrollment.issueCode(StoreId.of("S00" + t), TillId.of("S00" + t + "-T1"));
                codes.add(((Enrollment.Issued.Code) issued).code());
            }
            return codes;
        }
    }

    private List<TillSide> enroll(Api api, List<String> codes) {
        List<TillSide> tills = new ArrayList<>();
        for (int t = 0; t < codes.size(); t++) {
            Api.Reply reply = api.post("/api/v1/enroll", "{\"code\":\"" + codes.get(t) + "\"}");
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            TillWriter writer = new TillWriter(reply.json().get("storeId").asText(), reply.json().get("tillId").asText(),
                    reply.json().get("tillEpoch").asInt(), Clock.systemUTC());
            tills.add(new TillSide(writer, reply.json().get("token").asText(), random.nextLong()));
        }
        return tills;
    }

    /** Pushes from every till until {@code whileRunning} returns; a push the kill interrupted is simply lost. */
    private static void runPushers(Api api, List<TillSide> tills, AtomicInteger acks, AtomicInteger inFlight,
                                   Runnable whileRunning) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pushers = Executors.newFixedThreadPool(tills.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < tills.size(); t++) {
                TillSide till = tills.get(t);
                int memberNo = t + 1;
                running.add(pushers.submit(() -> {
                    Api mine = api.as(till.token);
                    while (!stop.get()) {
                        String body = Json.push(till.writer, till.nextBatch(memberNo));
                        inFlight.incrementAndGet();
                        try {
                            Api.Reply reply = mine.post("/api/v1/sync/push", body);
                            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                            till.acked.accumulateAndGet(reply.json().get("ackedThrough").asLong(), Math::max);
                            acks.incrementAndGet();
                        } catch (UncheckedIOException serverGone) {
                            // the server died mid-push: whether that batch committed, only a resend will tell
                        } finally {
                            inFlight.decrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            whileRunning.run();
            stop.set(true);
            for (Future<?> pusher : running) {
                pusher.get(60, TimeUnit.SECONDS);
            }
        } finally {
            stop.set(true);
            pushers.shutdownNow();
        }
    }

    private void assertEveryAckedEventIsStoredOnce(Path db, List<TillSide> tills) {
        try (Storage storage = Storage.open(db.toString())) {
            Ports ports = Ports.on(storage, Json.CODEC, new ManualClock(java.time.Instant.now()));
            EventLog events = ports.log();
            Map<TillId, List<EventEnvelope>> stored = new HashMap<>();
            long after = 0;
            PullPage page;
            do {
                page = events.pull(new PullQuery(after, 1000, TillId.of("AUDIT-T1"), 1, StoreId.of("AUDIT")));
                page.events().forEach(e -> {
                    EventEnvelope event = Json.CODEC.fromJson(e.body());
                    stored.computeIfAbsent(event.tillId(), k -> new ArrayList<>()).add(event);
                });
                after = page.next();
            } while (page.hasMore());
            for (int t = 0; t < tills.size(); t++) {
                TillSide till = tills.get(t);
                long mark = events.mark(till.writer.till, till.writer.epoch).ackedThrough();
                List<EventEnvelope> mine = stored.getOrDefault(till.writer.till, List.of());
                assertThat(mark).as("mark of %s", till.writer.till).isGreaterThanOrEqualTo(till.acked.get());
                assertThat(mine).extracting(EventEnvelope::tillSeq).as("seqs of %s", till.writer.till)
                        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, mark).boxed().toList());
                List<EventId> expectedIds = till.written.subList(0, (int) mark).stream().map(EventEnvelope::eventId).toList();
                assertThat(mine).extracting(EventEnvelope::eventId).containsExactlyElementsOf(expectedIds);
                assertThat(ports.members().member(member(t + 1)).orElseThrow().pointsBalance()).as("balance = events stored").isEqualTo(mark);
            }
        }
    }

    private Process startServer(Path db, int run) throws IOException {
        return ChildJvm.serverMain(List.of("serve", "--port", "0", "--host", "127.0.0.1", "--db", db.toString()))
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("server-" + run + ".log").toFile()))
                .start();
    }

    private int port(Process server) throws Exception {
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
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
            throw new AssertionError("the server did not start: " + serverLogs(), e);
        }
    }

    private String serverLogs() throws IOException {
        StringBuilder logs = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                logs.append(Files.readString(log));
            }
        }
        return logs.toString();
    }

    private static void waitFor(Process process) {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the server process did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
