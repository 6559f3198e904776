package io.chainpos.bench.sync;

import java.net.http.HttpRequest;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Pull throughput: a till of the same store pulls a log of 100,000 events (its neighbours' sales, stock
 * movements and points), 1,000 a page, through the real HTTP endpoint, and starts over at the end. Each
 * operation is one page. Events per second = operations per second x 1,000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PullBenchmark {
    static final int PAGE = 1_000;
    static final int LOG = 100_000;
    private static final Pattern NEXT = Pattern.compile("\"next\":(\\d+),\"hasMore\":(true|false)}$");

    @Param({"sqlite", "postgresql"})
    public String database;

    BenchServer server;
    String readerToken;

    @Setup(Level.Trial)
    public void start() {
        server = new BenchServer(database);
        for (int t = 1; t <= 4; t++) {
            String till = "S001-T" + t;
            String token = server.enroll("S001", till);
            SaleBatches batches = new SaleBatches("S001", till, 0x30000000L + t);
            for (int pushed = 0; pushed < LOG / 4; pushed += SaleBatches.BATCH) {
                server.push(token, batches.nextPush());
            }
        }
        readerToken = server.enroll("S001", "S001-T9");
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }

    /** One reading till's cursor. */
    @State(Scope.Thread)
    public static class Reader {
        long cursor;
    }

    @Benchmark
    public int pullPage(Reader reader) {
        String body = server.send(HttpRequest.newBuilder(server.uri("/api/v1/sync/pull?limit=" + PAGE + "&after=" + reader.cursor))
                .header("Authorization", "Bearer " + readerToken).GET().build());
        Matcher matcher = NEXT.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("not a pull page: " + body.substring(Math.max(0, body.length() - 200)));
        }
        reader.cursor = Boolean.parseBoolean(matcher.group(2)) ? Long.parseLong(matcher.group(1)) : 0;
        return body.length();
    }
}
