package io.chainpos.bench;

import io.chainpos.till.sale.ScanCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
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

/**
 * Scan to line: a random EAN-13 of a 100,000-product head-office catalog parsed, looked up at the sale
 * field (barcode, version in effect, price list in effect) and turned into a product for a line.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScanLookupBenchmark {
    static final int PRODUCTS = Integer.getInteger("bench.products", 100_000);

    private Path dir;
    private BenchTill till;
    private final SplittableRandom random = new SplittableRandom(42);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("bench.dir", "target")).toAbsolutePath()), "scan");
        till = new BenchTill(dir.resolve("till.db"), PRODUCTS);
    }

    @Benchmark
    public Object scanToLine() {
        String code = BenchTill.barcode(random.nextInt(PRODUCTS));
        ScanCode.Resolved resolved = till.ledger.read(s -> till.scanCode.resolve(s, code, 1000, till.clock.instant()));
        if (!(resolved instanceof ScanCode.ProductFound found)) {
            throw new IllegalStateException("not found: " + code + " " + resolved);
        }
        return found;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        till.close();
        Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
}
