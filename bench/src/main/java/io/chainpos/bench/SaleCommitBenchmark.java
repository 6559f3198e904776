package io.chainpos.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** JMH view of {@link TillSaleWriter}: a member sale committed through the till's checkout. */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SaleCommitBenchmark {
    private Path dir;
    private TillSaleWriter writer;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("bench.dir", "target")).toAbsolutePath()), "commit");
        writer = new TillSaleWriter(dir);
    }

    @Benchmark
    public Object commitSale() {
        return writer.commit();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        writer.close();
        Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
}
