package io.chainpos.bench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Held pulls at scale: one server node (its own JVM, {@link HeldPullServer}) with 10,000 tills of 2,500 stores, each
 * holding a pull ({@code wait=25}) over its own connection, as idle tills do. It reports the server's heap (after a
 * full collection), resident memory, threads and CPU while they wait (each answered empty after its wait and held
 * again at once), then pushes one member sale at a time from a till of a random store and times each sale's arrival
 * at the other tills of that store (push sent to answer read, p50/p99), and its points at a sample of tills of
 * other stores (chain-wide events, which come with a till's next answer).
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.chainpos.bench.sync.HeldPullHarness} with {@code -Dbench.tills=10000}
 * {@code -Dbench.tillsPerStore=4} {@code -Dbench.wait=25} (seconds a pull is held) {@code -Dbench.seconds=60} (the idle
 * window measured) {@code -Dbench.pushes=300} {@code -Dbench.spacing=200} (ms between pushes)
 * {@code -Dbench.database=sqlite} (or postgresql) {@code -Dbench.serverHeap=1g}.
 */
public final class HeldPullHarness {
    private static final Pattern WAITING = Pattern.compile("(?m)^chainpos_pulls_waiting(?:\\{[^}]*})? ([0-9.]+)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Till(String store, String id, String token, int index) {
    }

    /** One line of the server's figures. */
    private record Measured(long nanos, long heap, long cpuNanos, int threads, long rss) {
        static Measured parse(String line) {
            String[] f = line.split(" ");
            return new Measured(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Integer.parseInt(f[4]),
                    Long.parseLong(f[5]));
        }

        double cpuPercentSince(Measured before) {
            return 100.0 * (cpuNanos - before.cpuNanos) / (nanos - before.nanos);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20)).executor(Executors.newFixedThreadPool(4)).build();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private final int waitSeconds;
    private final Map<String, Long> cursors = new ConcurrentHashMap<>();
    private final Map<String, Long> storeEventsPushedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> chainEventsPushedAt = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> storeLatencies = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> chainLatencies = new ConcurrentLinkedQueue<>();
    /** Each sale's arrival at another till of its store: when its push was sent and when the answer was read. */
    private final ConcurrentLinkedQueue<long[]> storeArrivals = new ConcurrentLinkedQueue<>();
    /** When each answer was read, to tell whether slow arrivals fall in the bursts of waits ending together. */
    private final ConcurrentLinkedQueue<Long> answersRead = new ConcurrentLinkedQueue<>();
    private final List<Long> pushReplies = new ArrayList<>();
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong emptyAnswers = new AtomicLong();
    private final AtomicLong eventsReceived = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean stopping;
    private URI base;
    private int chainSample;

    private HeldPullHarness(int waitSeconds) {
        this.waitSeconds = waitSeconds;
    }

    public static void main(String[] args) throws Exception {
        int tills = Integer.getInteger("bench.tills", 10_000);
        int perStore = Integer.getInteger("bench.tillsPerStore", 4);
        int wait = Integer.getInteger("bench.wait", 25);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int pushes = Integer.getInteger("bench.pushes", 300);
        long spacing = Long.getLong("bench.spacing", 200);
        String database = System.getProperty("bench.database", "sqlite");
        new HeldPullHarness(wait).run(tills / perStore, perStore, seconds, pushes, spacing, database,
                System.getProperty("bench.serverHeap", "1g"));
        System.exit(0);
    }

    private void run(int stores, int perStore, int seconds, int pushes, long spacing, String database, String serverHeap)
            throws Exception {
        String loadBefore = loadAverage();
        long started = System.nanoTime();
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx" + serverHeap, "-cp", System.getProperty("java.class.path"),
                HeldPullServer.class.getName(), Integer.toString(stores), Integer.toString(perStore), database)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader said = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter ask = new PrintWriter(server.getOutputStream(), true, StandardCharsets.UTF_8);
        List<Till> tills = new ArrayList<>();
        String line;
        while ((line = said.readLine()) != null && !line.startsWith("ready ")) {
            if (line.startsWith("till ")) {
                String[] f = line.split(" ");
                tills.add(new Till(f[1], f[2], f[3], tills.size()));
            }
        }
        if (line == null) {
            throw new IllegalStateException("the server ended before it was ready");
        }
        base = URI.create("http://127.0.0.1:" + line.substring("ready ".length()) + "/");
        System.out.printf(Locale.ROOT, "enrolled %,d tills of %,d stores in %.0f s%n", tills.size(), stores,
                (System.nanoTime() - started) / 1e9);
        chainSample = Math.min(200, tills.size());
        Measured idleServer = measure(ask, said);

        long holding = System.nanoTime();
        for (int i = 0; i < tills.size(); i++) {
            hold(tills.get(i));
            if (i % 500 == 499) {
                Thread.sleep(200); // a ramp, not a connection storm
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (waiting() < tills.size() * 99L / 100 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        System.out.printf(Locale.ROOT, "%,d pulls waiting on the server %.0f s after the first was sent (failures so far %d)%n",
                waiting(), (System.nanoTime() - holding) / 1e9, failures.get());

        Measured waitingFrom = measure(ask, said);
        long answersFrom = answers.get();
        long emptyFrom = emptyAnswers.get();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        Measured waitingTo = measure(ask, said);
        long idleAnswers = answers.get() - answersFrom;
        long idleEmpty = emptyAnswers.get() - emptyFrom;
        long waitingAtEnd = waiting();

        long answersBeforePushes = answers.get();
        long eventsBeforePushes = eventsReceived.get();
        long pushesFrom = System.nanoTime();
        Random random = new Random(17);
        Map<String, SaleBatches> pushers = new HashMap<>();
        Map<String, Till> tillsById = new HashMap<>();
        tills.forEach(t -> tillsById.put(t.id(), t));
        for (int p = 0; p < pushes; p++) {
            Till pusher = tills.get(random.nextInt(stores) * perStore);
            SaleBatches sales = pushers.computeIfAbsent(pusher.id(),
                    id -> new SaleBatches(pusher.store(), id, 0x40000000L + pusher.index(), 4));
            String body = sales.nextPush();
            JsonNode events = JSON.readTree(body).get("events");
            long sent = System.nanoTime();
            storeEventsPushedAt.put(events.get(0).get("eventId").asText(), sent); // the sale: its store's tills
            chainEventsPushedAt.put(events.get(3).get("eventId").asText(), sent); // its points: every till
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/sync/push"))
                    .header("Authorization", "Bearer " + pusher.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                throw new IllegalStateException("push answered " + reply.statusCode() + ": " + reply.body());
            }
            pushReplies.add(System.nanoTime() - sent);
            Thread.sleep(spacing);
        }
        long expected = (long) pushes * (perStore - 1);
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((storeLatencies.size() < expected || chainLatencies.size() < (long) pushes * chainSample * 9 / 10)
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        double pushSeconds = (System.nanoTime() - pushesFrom) / 1e9;
        long pushAnswers = answers.get() - answersBeforePushes;
        long pushEvents = eventsReceived.get() - eventsBeforePushes;
        Measured afterPushes = measure(ask, said);
        stopping = true;
        String loadAfter = loadAverage();

        System.out.println();
        System.out.printf(Locale.ROOT, "== held pulls: %,d tills of %,d stores on one node (%s), wait=%d s, %d cores ==%n",
                tills.size(), stores, database, waitSeconds, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "load average before: %s; after: %s%n", loadBefore, loadAfter);
        System.out.printf(Locale.ROOT, "server, no pull held:   heap after GC %s, RSS %s, %d threads%n",
                mib(idleServer.heap()), mib(idleServer.rss()), idleServer.threads());
        System.out.printf(Locale.ROOT, "server, %,d pulls held: heap after GC %s (%s a pull), RSS %s, %d threads%n",
                waitingAtEnd, mib(waitingTo.heap()), kib((waitingTo.heap() - idleServer.heap()) / Math.max(1, tills.size())),
                mib(waitingTo.rss()), waitingTo.threads());
        System.out.printf(Locale.ROOT, "server CPU while they wait (%d s): %.1f %% of one core; %,d answers (%.0f a second, %d empty of them are time-ups), failures %d%n",
                seconds, waitingTo.cpuPercentSince(waitingFrom), idleAnswers, idleAnswers / (double) seconds,
                idleEmpty, failures.get());
        System.out.printf(Locale.ROOT, "server CPU while %d member sales were pushed, one each %d ms: %.1f %% of one core; heap after GC %s%n",
                pushes, spacing, afterPushes.cpuPercentSince(waitingTo), mib(afterPushes.heap()));
        System.out.printf(Locale.ROOT, "answers while the sales were pushed and came: %,d (%.0f a second) carrying %,d events (%.0f a second)%n",
                pushAnswers, pushAnswers / pushSeconds, pushEvents, pushEvents / pushSeconds);
        System.out.printf(Locale.ROOT, "push to the sale at another till of the store: %s (%,d of %,d arrivals)%n",
                percentiles(storeLatencies), storeLatencies.size(), expected);
        System.out.printf(Locale.ROOT, "push answered (sent to reply read): %s%n", percentiles(new ConcurrentLinkedQueue<>(pushReplies)));
        System.out.println(slowArrivals());
        System.out.printf(Locale.ROOT, "the server's part: from the commit that woke a held pull to its page read (its histogram): %s%n",
                wokenRead(http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body()));
        System.out.printf(Locale.ROOT, "push to its points at a till of another store (chain-wide: with the next answer): %s (%,d arrivals at %d sampled tills)%n",
                percentiles(chainLatencies), chainLatencies.size(), chainSample);
        ask.println("stop");
        server.waitFor(60, TimeUnit.SECONDS);
        server.destroy();
    }

    /** Holds one pull for {@code till}; when it is answered, takes what came and holds the next. */
    private void hold(Till till) {
        if (stopping) {
            return;
        }
        long cursor = cursors.getOrDefault(till.id(), 0L);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/sync/pull?limit=500&wait=" + waitSeconds + "&after=" + cursor))
                .header("Authorization", "Bearer " + till.token()).timeout(Duration.ofSeconds(waitSeconds + 60)).GET().build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((reply, failure) -> {
            long now = System.nanoTime();
            if (failure != null || reply.statusCode() != 200) {
                failures.incrementAndGet();
                retries.schedule(() -> hold(till), 1, TimeUnit.SECONDS);
                return;
            }
            answers.incrementAndGet();
            try {
                JsonNode page = JSON.readTree(reply.body());
                if (page.get("events").isEmpty()) {
                    emptyAnswers.incrementAndGet();
                }
                answersRead.add(now);
                eventsReceived.addAndGet(page.get("events").size());
                for (JsonNode event : page.get("events")) {
                    String id = event.get("eventId").asText();
                    Long pushed = storeEventsPushedAt.get(id);
                    if (pushed != null) {
                        storeLatencies.add(now - pushed);
                        storeArrivals.add(new long[] {pushed, now});
                    }
                    Long chainPushed = chainEventsPushedAt.get(id);
                    if (chainPushed != null && till.index() < chainSample) {
                        chainLatencies.add(now - chainPushed);
                    }
                }
                cursors.put(till.id(), page.get("next").asLong());
            } catch (IOException e) {
                failures.incrementAndGet();
            }
            hold(till);
        });
    }

    /**
     * The sales slower than 500 ms to reach the next counter beside the others: how many answers were read while each
     * was on its way (from a second before its push). Slow arrivals among thousands of answers are sales that met the
     * burst of waits ending together.
     */
    private String slowArrivals() {
        long[] ends = answersRead.stream().mapToLong(Long::longValue).sorted().toArray();
        List<Long> slow = new ArrayList<>();
        List<Long> fast = new ArrayList<>();
        for (long[] arrival : storeArrivals) {
            long from = Arrays.binarySearch(ends, arrival[0] - 1_000_000_000L);
            long to = Arrays.binarySearch(ends, arrival[1]);
            long during = (to < 0 ? -to - 1 : to) - (from < 0 ? -from - 1 : from);
            (arrival[1] - arrival[0] > 500_000_000L ? slow : fast).add(during);
        }
        return String.format(Locale.ROOT, "arrivals slower than 500 ms: %d of %d; answers read while they came (from 1 s before the push): median %d (slow), %d (the others)",
                slow.size(), slow.size() + fast.size(), median(slow), median(fast));
    }

    private static final Pattern WOKEN_BUCKET =
            Pattern.compile("(?m)^chainpos_pull_woken_seconds_bucket\\{[^}]*le=\"([0-9.]+|\\+Inf)\"[^}]*} ([0-9.]+)$");

    /** p50 and p99 of the server's wake-to-read histogram, as the upper bounds of the buckets they fall in. */
    private static String wokenRead(String metrics) {
        List<double[]> buckets = new ArrayList<>();
        Matcher matcher = WOKEN_BUCKET.matcher(metrics);
        while (matcher.find()) {
            double bound = matcher.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(matcher.group(1));
            buckets.add(new double[] {bound, Double.parseDouble(matcher.group(2))});
        }
        if (buckets.isEmpty()) {
            return "not published";
        }
        buckets.sort((a, b) -> Double.compare(a[0], b[0]));
        double count = buckets.getLast()[1];
        return String.format(Locale.ROOT, "p50 <= %.1f ms, p99 <= %.1f ms (%,.0f woken reads)", within(buckets, count * 0.50) * 1e3,
                within(buckets, count * 0.99) * 1e3, count);
    }

    private static double within(List<double[]> buckets, double rank) {
        return buckets.stream().filter(b -> b[1] >= rank).findFirst().orElse(buckets.getLast())[0];
    }

    private static long median(List<Long> values) {
        return values.isEmpty() ? 0 : values.stream().sorted().toList().get(values.size() / 2);
    }

    private long waiting() throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = WAITING.matcher(metrics);
        return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : -1;
    }

    private static Measured measure(PrintWriter ask, BufferedReader said) throws IOException {
        ask.println("measure");
        String line;
        while ((line = said.readLine()) != null && !line.startsWith("measured ")) {
            // other output of the server's
        }
        if (line == null) {
            throw new IllegalStateException("the server ended");
        }
        return Measured.parse(line);
    }

    private static String percentiles(ConcurrentLinkedQueue<Long> nanos) {
        if (nanos.isEmpty()) {
            return "none arrived";
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms", at(sorted, 0.50) / 1e6, at(sorted, 0.99) / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }

    private static String kib(long bytes) {
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }

    private static String loadAverage() throws IOException {
        return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).trim().split(" "), 3));
    }
}
