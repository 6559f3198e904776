package io.chainpos.server.sync;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.points;
import static io.chainpos.server.testing.Facts.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.server.testing.Api;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.TestServer.EnrolledTill;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/v1/sync/pull?wait=<s>}: a pull with nothing for its till waits, answers soon after its store's or
 * the chain's events commit, answers empty when its wait is up, and holds no server thread while it waits.
 * Bounds on time here are functional (woken, not timed out), never speed.
 */
class WaitingPullApiTest {
    private static final Pattern WAITING = Pattern.compile("(?m)^chainpos_pulls_waiting(?:\\{[^}]*})? ([0-9.]+)$");
    /** Chain-wide events wake waiting pulls after this here (by default they do not end a wait at all). */
    private static final Duration LINGER = Duration.ofMillis(300);

    @TempDir
    Path dir;
    TestServer server;
    EnrolledTill a1;
    EnrolledTill a2;
    EnrolledTill b1;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() {
        server = TestServer.start(dir, TestServer.settings(false).withChainLinger(LINGER));
        a1 = server.enroll("S001", "S001-T1");
        a2 = server.enroll("S001", "S001-T2");
        b1 = server.enroll("S002", "S002-T1");
    }

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void aWaitingPullAnswersSoonAfterAnotherTillOfItsStorePushes() throws Exception {
        CompletableFuture<Api.Reply> waiting = pull(a1, 0, 20);
        awaitWaiting(1);

        List<EventEnvelope> neighbour = a2.writer().next(List.of(sale("S001-T2-1", "100001", 350)));
        assertThat(a2.push(neighbour).status()).isEqualTo(200);

        Api.Reply reply = waiting.get(5, TimeUnit.SECONDS); // woken: the wait was 20 s
        assertThat(PullApiTest.eventIds(reply)).containsExactly(neighbour.getFirst().eventId().toString());
        assertThat(reply.json().get("next").asLong()).isEqualTo(1);
        assertThat(waitingPulls()).isZero();
        String metrics = server.anonymous().get("/metrics").body();
        assertThat(metrics).as("how long after its wake the woken pull's page was read")
                .containsPattern("(?m)^chainpos_pull_woken_seconds_count(\\{[^}]*})? 1(\\.0)?$")
                .containsPattern("(?m)^chainpos_pull_woken_seconds_bucket\\{[^}]*le=\"30\\.0\"[^}]*} 1(\\.0)?$");
    }

    @Test
    void aWaitingPullAnswersEmptyWhenItsWaitIsUp() throws Exception {
        long started = System.nanoTime();

        Api.Reply reply = pull(a1, 0, 1).get(10, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(750)); // spread by a fifth at most
        assertThat(PullApiTest.eventIds(reply)).isEmpty();
        assertThat(reply.json().get("hasMore").asBoolean()).isFalse();
        assertThat(reply.json().get("next").asLong()).isZero();
    }

    /**
     * Pulls that began together do not all end together: each wait ends up to a fifth early, at random, so the tills of
     * a node that restarted drift apart instead of asking again in one burst every wait.
     */
    @Test
    void waitsThatBeganTogetherEndSpreadOverTheLastFifthOfTheWait() throws Exception {
        List<CompletableFuture<Long>> held = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long sent = System.nanoTime();
            held.add(pull(a1, 0, 2).thenApply(reply -> System.nanoTime() - sent));
        }
        List<Duration> waited = new ArrayList<>();
        for (CompletableFuture<Long> pull : held) {
            waited.add(Duration.ofNanos(pull.get(15, TimeUnit.SECONDS)));
        }
        assertThat(waited).allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofMillis(1550)));
        assertThat(java.util.Collections.min(waited)).as("some end early").isLessThan(Duration.ofMillis(1880));
        assertThat(java.util.Collections.max(waited).minus(java.util.Collections.min(waited)))
                .as("they end apart, not together").isGreaterThan(Duration.ofMillis(100));
    }

    @Test
    void anotherStoresSalesDoNotEndTheWaitNorDoesTheTillsOwnPush() throws Exception {
        CompletableFuture<Api.Reply> otherStore = pull(b1, 0, 2);
        CompletableFuture<Api.Reply> pusher = pull(a1, 0, 2);
        awaitWaiting(2);

        a1.push(a1.writer().next(List.of(sale("S001-T1-1", "100001", 350))));

        Api.Reply b = otherStore.get(10, TimeUnit.SECONDS);
        Api.Reply a = pusher.get(10, TimeUnit.SECONDS);
        assertThat(PullApiTest.eventIds(b)).isEmpty();
        assertThat(PullApiTest.eventIds(a)).isEmpty();
        assertThat(b.json().get("next").asLong()).isEqualTo(1); // the sale was scanned past, not for this till
    }

    @Test
    void chainWideEventsWakeTillsOfEveryStore() throws Exception {
        CompletableFuture<Api.Reply> otherStore = pull(b1, 0, 20);
        awaitWaiting(1);

        List<EventEnvelope> earned = a1.writer().next(List.of(points(member(7), 12)));
        a1.push(earned);

        Api.Reply reply = otherStore.get(10, TimeUnit.SECONDS);
        assertThat(PullApiTest.eventIds(reply)).containsExactly(earned.getFirst().eventId().toString());
    }

    /**
     * With the server's default linger a till's chain-wide points do not end another store's wait (they come with its
     * next answer), but head office's own publication does, within a second or so: a price or an erasure reaches the
     * counters in seconds, not at the end of each till's 20-second wait.
     */
    @Test
    void headOfficesPublicationEndsEveryWaitSoonWhileTillsChainEventsDoNotByDefault() throws Exception {
        startWithDefaultLinger();
        registerMemberOneAtA1();
        long seen = PullApiTest.eventIds(pull(b1, 0, 0).get(10, TimeUnit.SECONDS)).size();
        assertThat(seen).isEqualTo(1);

        CompletableFuture<Api.Reply> waiting = pull(b1, 1, 20);
        awaitWaiting(1);
        a1.push(a1.writer().next(List.of(points(member(1), 12))));
        Thread.sleep(PullWaiters.HEAD_OFFICE_GATHER.toMillis() * 4);
        assertThat(waiting).as("a till's chain-wide points do not end the wait by default").isNotDone();

        assertThat(server.headOffice().post("/api/v1/members/" + member(1) + "/erase", "").status()).isEqualTo(200);
        Api.Reply reply = waiting.get(10, TimeUnit.SECONDS); // woken by the erasure: the wait was 20 s
        assertThat(types(reply)).as("the points, then head office's erasure").startsWith("PointsChanged").contains("MemberErased");
    }

    /**
     * With the default linger, other tills' chain-wide events alone do not keep a wait from starting either: a till
     * answered a moment ago would otherwise pull again at once whenever a member bought anything anywhere in the chain.
     * They come with its next answer: the end of its wait, or its store's next event.
     */
    @Test
    void otherTillsChainWideEventsAloneWaitForTheTillsNextAnswer() throws Exception {
        startWithDefaultLinger();
        List<EventEnvelope> earned = a1.writer().next(List.of(points(member(7), 12)));
        assertThat(a1.push(earned).status()).isEqualTo(200);

        CompletableFuture<Api.Reply> waiting = pull(b1, 0, 2);
        awaitWaiting(1); // held, though the points are there for it

        Api.Reply reply = waiting.get(10, TimeUnit.SECONDS);
        assertThat(PullApiTest.eventIds(reply)).containsExactly(earned.getFirst().eventId().toString());
        assertThat(reply.json().get("next").asLong()).isEqualTo(1);
    }

    @Test
    void aWaitHoldingChainWideEventsEndsWithTheStoresNextEventAndBringsBoth() throws Exception {
        startWithDefaultLinger();
        EnrolledTill b2 = server.enroll("S002", "S002-T2");
        List<EventEnvelope> earned = a1.writer().next(List.of(points(member(7), 12)));
        a1.push(earned);
        CompletableFuture<Api.Reply> waiting = pull(b1, 0, 20);
        awaitWaiting(1);

        List<EventEnvelope> neighbour = b2.writer().next(List.of(sale("S002-T2-1", "100001", 350)));
        assertThat(b2.push(neighbour).status()).isEqualTo(200);

        Api.Reply reply = waiting.get(10, TimeUnit.SECONDS); // woken: the wait was 20 s
        assertThat(PullApiTest.eventIds(reply)).containsExactly(earned.getFirst().eventId().toString(),
                neighbour.getFirst().eventId().toString());
    }

    /** Head office's events, a full page, or chain-wide events older than a wait (a till catching up): at once. */
    @Test
    void chainWideEventsAreAnsweredAtOnceWithHeadOfficesOrAFullPageOrWhenOlderThanAWait() throws Exception {
        startWithDefaultLinger();
        List<EventEnvelope> registered = a1.writer().next(List.of(
                io.chainpos.server.testing.Facts.registered(member(1), "13800000001", "Li Lei"),
                points(member(1), 12)));
        assertThat(a1.push(registered).status()).isEqualTo(200);

        Api.Reply fullPage = pull(b1, 0, 20, 1).get(5, TimeUnit.SECONDS); // the wait was 20 s
        assertThat(PullApiTest.eventIds(fullPage)).containsExactly(registered.getFirst().eventId().toString());
        assertThat(fullPage.json().get("hasMore").asBoolean()).isTrue();

        server.clock.advance(HeldPulls.MAX_WAIT.plusSeconds(1));
        Api.Reply older = pull(b1, 0, 20).get(5, TimeUnit.SECONDS);
        assertThat(PullApiTest.eventIds(older)).hasSize(2);

        List<EventEnvelope> more = a1.writer().next(List.of(points(member(1), 5)));
        a1.push(more);
        assertThat(server.headOffice().post("/api/v1/members/" + member(1) + "/erase", "").status()).isEqualTo(200);
        Api.Reply withHeadOffice = pull(b1, 2, 20).get(5, TimeUnit.SECONDS);
        assertThat(types(withHeadOffice)).as("the points, then head office's erasure").startsWith("PointsChanged").contains("MemberErased");
    }

    private void registerMemberOneAtA1() {
        List<EventEnvelope> registered = a1.writer().next(List.of(
                io.chainpos.server.testing.Facts.registered(member(1), "13800000001", "Li Lei")));
        assertThat(a1.push(registered).status()).isEqualTo(200);
    }

    private static List<String> types(Api.Reply reply) {
        List<String> types = new ArrayList<>();
        reply.json().get("events").forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    private void startWithDefaultLinger() {
        server.close();
        server = TestServer.start(dir.resolve("default-linger"), TestServer.settings(false));
        a1 = server.enroll("S001", "S001-T1");
        b1 = server.enroll("S002", "S002-T1");
    }

    @Test
    void whatIsAlreadyThereIsAnsweredAtOnceAndWithoutWaitThePullIsAsBefore() {
        List<EventEnvelope> neighbour = a2.writer().next(List.of(sale("S001-T2-1", "100001", 350)));
        a2.push(neighbour);

        assertThat(PullApiTest.eventIds(a1.api().get("/api/v1/sync/pull?after=0&wait=20"))).hasSize(1);
        assertThat(PullApiTest.eventIds(a1.api().get("/api/v1/sync/pull?after=1"))).isEmpty();
        assertThat(PullApiTest.eventIds(a1.api().get("/api/v1/sync/pull?after=1&wait=0"))).isEmpty();
    }

    @Test
    void aWaitIsCheckedLikeTheOtherParametersAndNeedsATillsToken() {
        assertThat(a1.api().get("/api/v1/sync/pull?wait=-1").status()).isEqualTo(400);
        assertThat(a1.api().get("/api/v1/sync/pull?wait=soon").status()).isEqualTo(400);
        assertThat(a1.api().as("not-a-token").get("/api/v1/sync/pull?wait=20").status()).isEqualTo(401);
        assertThat(server.anonymous().get("/api/v1/sync/pull?wait=20").status()).isEqualTo(401);
        assertThat(server.headOffice().get("/api/v1/sync/pull?wait=20").status()).isEqualTo(403);
    }

    @Test
    void manyWaitingPullsHoldNoServerThreads() throws Exception {
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        List<CompletableFuture<Api.Reply>> waiting = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            waiting.add(pull(a1, 0, 20));
        }
        awaitWaiting(500);

        long asked = System.nanoTime();
        assertThat(server.anonymous().get("/health").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(5));
        // Jetty grows its pool for the burst of first reads; a thread held per waiting pull would need 500 more.
        assertThat(ManagementFactory.getThreadMXBean().getThreadCount() - threadsBefore).isLessThan(250);

        List<EventEnvelope> neighbour = a2.writer().next(List.of(sale("S001-T2-1", "100001", 350)));
        a2.push(neighbour);
        for (CompletableFuture<Api.Reply> reply : waiting) {
            assertThat(PullApiTest.eventIds(reply.get(15, TimeUnit.SECONDS))).containsExactly(neighbour.getFirst().eventId().toString());
        }
    }

    @Test
    void aPushThroughAnotherNodeOnTheSameDatabaseWakesAPullWaitingHere() throws Exception {
        try (TestServer otherNode = TestServer.beside(server)) {
            EnrolledTill a2There = new EnrolledTill(a2.api().on(otherNode.uri()), a2.writer());
            CompletableFuture<Api.Reply> waiting = pull(a1, 0, 20);
            awaitWaiting(1);

            List<EventEnvelope> neighbour = a2.writer().next(List.of(sale("S001-T2-1", "100001", 350)));
            assertThat(a2There.push(neighbour).status()).isEqualTo(200);

            Api.Reply reply = waiting.get(10, TimeUnit.SECONDS); // the node reads the others' commits every second
            assertThat(PullApiTest.eventIds(reply)).containsExactly(neighbour.getFirst().eventId().toString());
        }
    }

    /** Head office's publication through another node ends the waits held here as it does there, not at their end. */
    @Test
    void headOfficesPublicationThroughAnotherNodeEndsAWaitHere() throws Exception {
        startWithDefaultLinger();
        registerMemberOneAtA1();
        try (TestServer otherNode = TestServer.beside(server)) {
            CompletableFuture<Api.Reply> waiting = pull(b1, 1, 20);
            awaitWaiting(1);

            assertThat(otherNode.headOffice().post("/api/v1/members/" + member(1) + "/erase", "").status()).isEqualTo(200);

            Api.Reply reply = waiting.get(10, TimeUnit.SECONDS); // the wait was 20 s: the watch reads every second
            assertThat(types(reply)).contains("MemberErased");
        }
    }

    @Test
    void stoppingTheServerLetsWaitingPullsGo() throws Exception {
        TestServer other = TestServer.start(dir.resolve("other"));
        EnrolledTill till = other.enroll("S001", "S001-T1");
        CompletableFuture<Api.Reply> waiting = pull(till, 0, 20);
        await().atMost(Duration.ofSeconds(10)).until(() -> waitingPulls(other) == 1);

        other.close();

        Api.Reply reply = waiting.get(5, TimeUnit.SECONDS);
        assertThat(PullApiTest.eventIds(reply)).isEmpty();
        assertThat(reply.json().get("next").asLong()).isZero();
    }

    private CompletableFuture<Api.Reply> pull(EnrolledTill till, long after, int waitSeconds) {
        return pull(till, after, waitSeconds, 500);
    }

    private CompletableFuture<Api.Reply> pull(EnrolledTill till, long after, int waitSeconds, int limit) {
        HttpRequest request = till.api().request("/api/v1/sync/pull?after=" + after + "&wait=" + waitSeconds + "&limit=" + limit)
                .timeout(Duration.ofSeconds(waitSeconds + 30)).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Api.Reply(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse("")));
    }

    private void awaitWaiting(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> waitingPulls() == count);
    }

    private long waitingPulls() {
        return waitingPulls(server);
    }

    private static long waitingPulls(TestServer on) {
        Matcher matcher = WAITING.matcher(on.anonymous().get("/metrics").body());
        assertThat(matcher.find()).as("the metrics name the waiting pulls").isTrue();
        return (long) Double.parseDouble(matcher.group(1));
    }
}
