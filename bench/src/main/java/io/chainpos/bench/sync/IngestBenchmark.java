package io.chainpos.bench.sync;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Events ingested through the real HTTP push endpoint: each operation is one till's push of 500 events (125
 * member sales), parsed, checked, deduplicated, merged into the projections and committed before the answer.
 * Several threads are several tills pushing at once. Events per second = operations per second x 500.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IngestBenchmark {
    @Param({"sqlite", "postgresql"})
    public String database;

    BenchServer server;
    final AtomicInteger tills = new AtomicInteger();

    @Setup(Level.Trial)
    public void start() {
        server = new BenchServer(database);
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }

    /** One till: its token and the batches it pushes, in sequence. */
    @State(Scope.Thread)
    public static class Till {
        String token;
        SaleBatches batches;

        @Setup(Level.Trial)
        public void enroll(IngestBenchmark bench) {
            int n = bench.tills.incrementAndGet();
            String store = "S%03d".formatted(n);
            String till = store + "-T1";
            token = bench.server.enroll(store, till);
            batches = new SaleBatches(store, till, 0x10000000L + n);
        }
    }

    @Benchmark
    public void push500Events(Till till) {
        server.push(till.token, till.batches.nextPush());
    }
}
