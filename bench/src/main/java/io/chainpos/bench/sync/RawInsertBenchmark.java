package io.chainpos.bench.sync;

import io.chainpos.model.json.EventCodec;
import io.chainpos.server.db.Storage;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * The baseline under JMH: {@link RawEventWriter}s, one per thread, into a database of their own. Events per
 * second = operations per second x 500. (The ratio is measured by {@link PairedIngestHarness}.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RawInsertBenchmark {
    @Param({"sqlite", "postgresql"})
    public String database;

    BenchDatabase db;
    final AtomicLong serverSeq = new AtomicLong();
    final AtomicInteger writers = new AtomicInteger();
    final java.util.concurrent.locks.Lock sqliteLock = new java.util.concurrent.locks.ReentrantLock();

    @Setup(Level.Trial)
    public void start() {
        db = BenchDatabase.open(database);
        Storage.open(db.spec()).close(); // the server's own schema
    }

    @TearDown(Level.Trial)
    public void stop() {
        db.close();
    }

    /** One writer: its connection, its prepared statement and its till's rows. */
    @State(Scope.Thread)
    public static class Writer {
        RawEventWriter writer;

        @Setup(Level.Trial)
        public void open(RawInsertBenchmark bench) throws SQLException {
            writer = new RawEventWriter(bench.db.jdbcUrl(), !bench.db.isPostgres(), bench.writers.incrementAndGet(),
                    0x20000000L, bench.serverSeq, SaleBatches.BATCH, bench.sqliteLock);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            writer.close();
        }
    }

    @Benchmark
    public void insert500Events(Writer writer) throws SQLException {
        writer.writer.insertBatch();
    }
}
