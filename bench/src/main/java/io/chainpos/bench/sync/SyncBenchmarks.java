package io.chainpos.bench.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Prints the figures issue 5 asks for: events ingested per second through the real HTTP push endpoint into
 * SQLite and into PostgreSQL against the raw batched insert rate of the same database (the ratio, from
 * {@link PairedIngestHarness}), and pull throughput ({@link PullBenchmark} under JMH).
 *
 * <p>{@code java -jar bench/target/benchmarks.jar sync} with {@code -Dbench.threads=4} (tills pushing at
 * once), {@code -Dbench.batch=500} (events per push, whole sales of 4), {@code -Dbench.rounds=10} and
 * {@code -Dbench.block=4} (pushes per till per block),
 * {@code -Dbench.warmup=20} (seconds of alternating blocks before measuring), {@code -Dbench.seconds=10} (JMH
 * iteration time), {@code -Dbench.databases=sqlite,postgresql},
 * {@code -Dbench.pull=false} to leave out pull (the paired harness alone, for a profile), and
 * {@code -Dbench.jmh=true} to also run ingest and raw insert under JMH, each in its own fork and minutes.
 */
public final class SyncBenchmarks {
    private SyncBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.getInteger("bench.threads", 4);
        int rounds = Integer.getInteger("bench.rounds", 10);
        int block = Integer.getInteger("bench.block", 4);
        int batch = Integer.getInteger("bench.batch", SaleBatches.BATCH);
        int seconds = Integer.getInteger("bench.seconds", 10);
        java.time.Duration warmup = java.time.Duration.ofSeconds(Integer.getInteger("bench.warmup", 20));
        String[] databases = System.getProperty("bench.databases", "sqlite,postgresql").split(",");
        List<PairedIngestHarness.Figures> paired = new ArrayList<>();
        for (String database : databases) {
            paired.add(PairedIngestHarness.run(database, threads, batch, rounds, block, warmup));
            System.out.println(PairedIngestHarness.describe(paired.getLast()));
        }
        List<String> jmh = new ArrayList<>();
        if (!"false".equals(System.getProperty("bench.pull"))) {
            jmh.add(PullBenchmark.class.getName());
        }
        if (Boolean.getBoolean("bench.jmh")) {
            jmh.add(IngestBenchmark.class.getName());
            jmh.add(RawInsertBenchmark.class.getName());
        }
        Collection<RunResult> results = jmh.isEmpty() ? List.of() : run(jmh, databases, threads, seconds);

        System.out.println();
        System.out.printf(Locale.ROOT, "== ChainPOS sync figures (%d cores) ==%n", Runtime.getRuntime().availableProcessors());
        System.out.println("-- paired harness: ingest and raw insert in alternating blocks (the ratio we track) --");
        paired.forEach(f -> System.out.println(PairedIngestHarness.describe(f)));
        System.out.println("-- JMH, each benchmark in its own fork and time window --");
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark().replaceFirst(".*\\.", "");
            int perOp = name.equals("pullPage") ? PullBenchmark.PAGE : SaleBatches.BATCH;
            System.out.printf(Locale.ROOT, "%-16s %-10s %,10.0f events/s (%d threads)%n", name,
                    result.getParams().getParam("database"), result.getPrimaryResult().getScore() * perOp,
                    result.getParams().getThreads());
        }
    }

    private static Collection<RunResult> run(List<String> benchmarks, String[] databases, int threads, int seconds)
            throws RunnerException {
        OptionsBuilder options = new OptionsBuilder();
        benchmarks.forEach(b -> options.include(b.replace(".", "\\.") + "\\."));
        Options built = options
                .param("database", databases)
                .threads(threads)
                .forks(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(Math.max(1, seconds / 2)))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(seconds))
                .jvmArgsAppend("--enable-native-access=ALL-UNNAMED", "-Xmx2g")
                .build();
        return new Runner(built).run();
    }
}
