package io.chainpos.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the benchmarks and prints the figures docs/benchmarks.md tracks: sales committed per second and
 * p50/p99 commit latency through the till against raw SQLite inserts of the same rows (the ratio is the
 * figure), and scan-to-line p99 with a 100,000-product catalog. With {@code sync} as its first argument it
 * runs the sync server's benchmarks instead ({@link io.chainpos.bench.sync.SyncBenchmarks}).
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("sync")) {
            io.chainpos.bench.sync.SyncBenchmarks.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        int seconds = Integer.getInteger("bench.seconds", 10);
        java.nio.file.Path base = java.nio.file.Path.of(System.getProperty("bench.dir", "target"));
        PairedCommitHarness.Figures paired = PairedCommitHarness.run(base, Integer.getInteger("bench.rounds", 20), 250);
        if (Boolean.getBoolean("bench.pairedOnly")) {
            System.out.println(PairedCommitHarness.describe(paired));
            return;
        }
        Options options = new OptionsBuilder()
                .include(SaleCommitBenchmark.class.getSimpleName())
                .include(RawSqliteCommitBenchmark.class.getSimpleName())
                .include(ScanLookupBenchmark.class.getSimpleName())
                .forks(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(Math.max(1, seconds / 2)))
                .measurementIterations(3).measurementTime(TimeValue.seconds(seconds))
                .jvmArgsAppend("--enable-native-access=ALL-UNNAMED", "-Dbench.dir=" + System.getProperty("bench.dir", "target"))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double ledgerOps = throughput(results, "SaleCommitBenchmark.commitSale");
        double rawOps = throughput(results, "RawSqliteCommitBenchmark.commitSameRows");
        Statistics ledger = samples(results, "SaleCommitBenchmark.commitSale");
        Statistics raw = samples(results, "RawSqliteCommitBenchmark.commitSameRows");
        Statistics scan = samples(results, "ScanLookupBenchmark.scanToLine");
        System.out.println();
        System.out.println("== ChainPOS figures ==");
        System.out.println("-- paired harness (alternating blocks of 250, the ratio we track) --");
        System.out.println(PairedCommitHarness.describe(paired));
        System.out.println("-- JMH, each benchmark in its own fork and time window --");
        System.out.printf(Locale.ROOT, "till checkout commit: %.0f sales/s, p50 %.3f ms, p99 %.3f ms%n", ledgerOps * 1000,
                ledger.getPercentile(50), ledger.getPercentile(99));
        System.out.printf(Locale.ROOT, "raw SQLite same rows: %.0f sales/s, p50 %.3f ms, p99 %.3f ms%n", rawOps * 1000,
                raw.getPercentile(50), raw.getPercentile(99));
        System.out.printf(Locale.ROOT, "ratio till / raw:     %.2f%n", ledgerOps / rawOps);
        System.out.printf(Locale.ROOT, "scan to line (%d products): p50 %.1f us, p99 %.1f us%n", ScanLookupBenchmark.PRODUCTS,
                scan.getPercentile(50), scan.getPercentile(99));
    }

    private static double throughput(Collection<RunResult> results, String label) {
        return find(results, label, "thrpt").getScore();
    }

    private static Statistics samples(Collection<RunResult> results, String label) {
        return find(results, label, "sample").getStatistics();
    }

    private static Result<?> find(Collection<RunResult> results, String label, String mode) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith(label) && r.getParams().getMode().shortLabel().equals(mode))
                .map(RunResult::getPrimaryResult)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + mode + " result for " + label));
    }
}
