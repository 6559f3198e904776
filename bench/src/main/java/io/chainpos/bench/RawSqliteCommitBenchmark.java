package io.chainpos.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** JMH view of {@link RawSaleWriter}: the same rows as a sale, inserted and committed with plain JDBC. */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RawSqliteCommitBenchmark {
    private Path dir;
    private RawSaleWriter writer;

    @Setup(Level.Trial)
    public void setUp() throws IOException, SQLException {
        dir = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("bench.dir", "target")).toAbsolutePath()), "raw");
        writer = new RawSaleWriter(dir);
    }

    @Benchmark
    public long commitSameRows() throws SQLException {
        return writer.commit();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException, IOException {
        writer.close();
        Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
}
