package io.chainpos.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The commit ratio measured fairly on a disk whose fsync time drifts by the minute (a VM's virtual disk):
 * the till's checkout and the raw inserts of the same rows run in one process, on files in one folder, in
 * alternating blocks, so both see the same disk at the same time. Each commit is timed on its own.
 */
final class PairedCommitHarness {
    private PairedCommitHarness() {
    }

    record Figures(double tillPerSecond, double tillP50, double tillP99, double rawPerSecond, double rawP50, double rawP99) {
        double ratio() {
            return tillPerSecond / rawPerSecond;
        }
    }

    static Figures run(Path base, int rounds, int block) throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(base.toAbsolutePath()), "paired");
        try (TillSaleWriter till = new TillSaleWriter(dir.resolve("till")); RawSaleWriter raw = new RawSaleWriter(dir.resolve("raw"))) {
            for (int i = 0; i < block * 2; i++) { // warm up both paths
                till.commit();
                raw.commit();
            }
            long[] tillNanos = new long[rounds * block];
            long[] rawNanos = new long[rounds * block];
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < block; i++) {
                    long start = System.nanoTime();
                    till.commit();
                    tillNanos[round * block + i] = System.nanoTime() - start;
                }
                for (int i = 0; i < block; i++) {
                    long start = System.nanoTime();
                    raw.commit();
                    rawNanos[round * block + i] = System.nanoTime() - start;
                }
            }
            return new Figures(perSecond(tillNanos), percentile(tillNanos, 50), percentile(tillNanos, 99),
                    perSecond(rawNanos), percentile(rawNanos, 50), percentile(rawNanos, 99));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static String describe(Figures f) {
        return String.format(Locale.ROOT, """
                till checkout commit: %.0f sales/s, p50 %.3f ms, p99 %.3f ms
                raw SQLite same rows: %.0f sales/s, p50 %.3f ms, p99 %.3f ms
                ratio till / raw:     %.2f""", f.tillPerSecond(), f.tillP50(), f.tillP99(), f.rawPerSecond(), f.rawP50(),
                f.rawP99(), f.ratio());
    }

    private static double perSecond(long[] nanos) {
        return nanos.length / (Arrays.stream(nanos).sum() / 1e9);
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
