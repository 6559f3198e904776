package io.chainpos.bench.sync;

import io.chainpos.model.json.EventCodec;
import io.chainpos.server.db.Storage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ingest ratio measured fairly on a disk whose fsync time drifts by the minute: the real server on
 * loopback and the raw writers run in one process, on two databases side by side (one folder for SQLite, one
 * PostgreSQL server), in alternating blocks, so both see the same disk at the same moments. In each block
 * {@code threads} tills push {@code block} batches of 500 events at once (ingest), then {@code threads} raw
 * writers insert as many batches of the same rows (raw). Every push and every raw batch is timed on its own.
 *
 * <p>The projections follow the pushes (the server's projector). An ingest block ends when the pushes are answered
 * <em>and</em> the projections have caught up with them, so the projections' work is counted in the ingest, not left
 * to run during the raw block; the pushes' own time is reported beside it, with the lag they left.
 */
final class PairedIngestHarness {
    private PairedIngestHarness() {
    }

    record Figures(String database, int threads, int batch, double ingestPerSecond, double ingestP50, double ingestP99,
                   double rawPerSecond, double rawP50, double rawP99, double pushesOnlyPerSecond, long worstLagEvents,
                   double worstCatchUpMs, double mergingNanos) {
        double ratio() {
            return ingestPerSecond / rawPerSecond;
        }

        double pushesOnlyRatio() {
            return pushesOnlyPerSecond / rawPerSecond;
        }
    }

    static Figures run(String database, int threads, int batch, int rounds, int block, java.time.Duration warmup)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (BenchServer server = new BenchServer(database)) {
            String rawSpec = server.database.sibling("raw");
            Storage.open(rawSpec).close(); // the server's own schema
            List<Pusher> pushers = new ArrayList<>();
            List<RawEventWriter> writers = new ArrayList<>();
            AtomicLong rawSeq = new AtomicLong();
            java.util.concurrent.locks.Lock rawLock = new java.util.concurrent.locks.ReentrantLock();
            for (int n = 1; n <= threads; n++) {
                String store = "S%03d".formatted(n);
                pushers.add(new Pusher(server, server.enroll(store, store + "-T1"), new SaleBatches(store, store + "-T1", 0x10000000L + n, batch)));
                writers.add(new RawEventWriter(server.database.jdbcUrl(rawSpec), !server.database.isPostgres(), n, 0x20000000L, rawSeq, batch, rawLock));
            }
            try {
                // Both paths compiled by C2 before anything counts: the first pushes run several times slower.
                long warmUntil = System.nanoTime() + warmup.toNanos();
                for (int warm = 0; warm < 2 || System.nanoTime() < warmUntil; warm++) {
                    phase(pool, pushers, block, null, 0);
                    phase(pool, rawTasks(writers), block, null, 0);
                }
                // What the warm-up's pushes left unmerged is merged now, uncounted: the first round's catch-up would
                // otherwise pay for it (on PostgreSQL thousands of events, 24,500 after a 90 s warm-up).
                server.projector.catchUp();
                checkpointed(server);
                long mergedBefore = merging(server);
                long[] ingestNanos = new long[rounds * block * threads];
                long[] rawNanos = new long[rounds * block * threads];
                long ingestWall = 0;
                long pushesWall = 0;
                long rawWall = 0;
                long worstLag = 0;
                long worstCatchUp = 0;
                for (int round = 0; round < rounds; round++) {
                    long pushes = phase(pool, pushers, block, ingestNanos, round * block * threads);
                    worstLag = Math.max(worstLag, server.projector.lag().events());
                    long caughtUp = System.nanoTime();
                    server.projector.catchUp();
                    checkpointed(server);
                    long catchUp = System.nanoTime() - caughtUp;
                    worstCatchUp = Math.max(worstCatchUp, catchUp);
                    pushesWall += pushes;
                    ingestWall += pushes + catchUp;
                    rawWall += phase(pool, rawTasks(writers), block, rawNanos, round * block * threads);
                }
                printTimeSpent(database, server.projector.timeSpent());
                double events = (double) rounds * block * threads * batch;
                return new Figures(database, threads, batch, events / (ingestWall / 1e9), percentile(ingestNanos, 50),
                        percentile(ingestNanos, 99), events / (rawWall / 1e9), percentile(rawNanos, 50), percentile(rawNanos, 99),
                        events / (pushesWall / 1e9), worstLag, worstCatchUp / 1e6, (merging(server) - mergedBefore) / events);
            } finally {
                for (RawEventWriter writer : writers) {
                    writer.close();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * On SQLite, the server's WAL copied into its file (a passive checkpoint, as its checkpointer makes them): the raw
     * writers copy theirs as they commit, so the copying left from the pushes is counted in the ingest, not left to
     * compete with the raw block for the disk.
     */
    private static void checkpointed(BenchServer server) throws java.sql.SQLException {
        if (server.database.isPostgres()) {
            return;
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(server.database.jdbcUrl());
             java.sql.Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
        }
    }

    /** The projector's time merging so far, every projection's summed, in nanoseconds. */
    private static long merging(BenchServer server) {
        return total(server.projector.timeSpent());
    }

    private static long total(java.util.Map<String, java.time.Duration> spent) {
        return spent.values().stream().mapToLong(java.time.Duration::toNanos).sum();
    }

    /** Where the projector's time went in this run, warm-up included: each projection's share, the largest first. */
    private static void printTimeSpent(String database, java.util.Map<String, java.time.Duration> spent) {
        long total = total(spent);
        System.out.printf(Locale.ROOT, "%s: time merging, by projection (warm-up included), %.1f s in all%n", database, total / 1e9);
        spent.entrySet().stream().sorted(java.util.Map.Entry.<String, java.time.Duration>comparingByValue().reversed())
                .forEach(e -> System.out.printf(Locale.ROOT, "  %-36s %8.1f s %5.1f %%%n", e.getKey(), e.getValue().toNanos() / 1e9,
                        100.0 * e.getValue().toNanos() / Math.max(1, total)));
    }

    static String describe(Figures f) {
        return String.format(Locale.ROOT, """
                %s, %d tills at once, batches of %d events:
                  ingest through POST /api/v1/sync/push: %,.0f events/s (%,.0f pushes/s), push p50 %.1f ms, p99 %.1f ms
                  raw batched INSERT ... ON CONFLICT:    %,.0f events/s (%,.0f commits/s), batch p50 %.1f ms, p99 %.1f ms
                  ratio ingest / raw:                    %.2f  (pushes answered and projections caught up)
                  pushes alone:                          %,.0f events/s, ratio %.2f; projections at most %,d events
                                                         behind when a block's pushes ended, caught up %.0f ms later
                  an event, in microseconds:             raw %.1f, push alone %.1f, projections applying %.1f (commits not counted)""",
                f.database(), f.threads(), f.batch(),
                f.ingestPerSecond(), f.ingestPerSecond() / f.batch(), f.ingestP50(), f.ingestP99(), f.rawPerSecond(),
                f.rawPerSecond() / f.batch(), f.rawP50(), f.rawP99(), f.ratio(), f.pushesOnlyPerSecond(), f.pushesOnlyRatio(),
                f.worstLagEvents(), f.worstCatchUpMs(), 1e6 / f.rawPerSecond(), 1e6 / f.pushesOnlyPerSecond(), f.mergingNanos() / 1e3);
    }

    /** One batch of 500 events, by a till or a raw writer. */
    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private record Pusher(BenchServer server, String token, SaleBatches batches) implements Step {
        @Override
        public void run() {
            server.push(token, batches.nextPush());
        }
    }

    private static List<Step> rawTasks(List<RawEventWriter> writers) {
        return writers.stream().<Step>map(w -> w::insertBatch).toList();
    }

    /** Every step runs {@code block} batches on its own thread at once; the phase's wall time in nanoseconds. */
    private static long phase(ExecutorService pool, List<? extends Step> steps, int block, long[] nanos, int offset)
            throws Exception {
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int s = 0; s < steps.size(); s++) {
            Step step = steps.get(s);
            int at = offset + s * block;
            tasks.add(() -> {
                for (int i = 0; i < block; i++) {
                    long start = System.nanoTime();
                    step.run();
                    if (nanos != null) {
                        nanos[at + i] = System.nanoTime() - start;
                    }
                }
                return null;
            });
        }
        long start = System.nanoTime();
        for (Future<Void> done : pool.invokeAll(tasks)) {
            done.get();
        }
        return System.nanoTime() - start;
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
