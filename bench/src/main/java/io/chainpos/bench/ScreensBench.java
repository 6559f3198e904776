package io.chainpos.bench;

import io.chainpos.model.event.StaffAccountSet;
import io.chainpos.model.json.EventCodec;
import io.chainpos.till.TillProjections;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.shift.ShiftStore;
import io.chainpos.till.shift.Shifts;
import io.chainpos.till.staff.PinGuard;
import io.chainpos.till.staff.PinHasher;
import io.chainpos.till.staff.PinManagerApprovals;
import io.chainpos.till.staff.SetUpStaff;
import io.chainpos.till.staff.StaffStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the till's screens and prints its figures (a harness, not a test): the start-up time from launching the
 * till's JVM to the lock screen ready for a PIN and to the sale screen ready to scan, each in a fresh JVM on a till
 * ledger with a 100,000-product catalog; and, in the last of them, the time from a keyboard-wedge scan (its key
 * events sent into the real scene) to its line laid out in the cart, through the wedge filter, the counter thread,
 * the ledger, the pricing and back. Each start runs {@link ScreensBenchRun} in its own JVM. Run: see
 * docs/benchmarks.md. Properties: bench.products (100000), bench.starts (5), bench.scans (1000), bench.dir (a
 * temporary folder), bench.keep (keep the till's folder to look into), bench.ledger (a copy of this till ledger is
 * measured instead of one prepared here: the file a new till of {@code NewTillBench} was left with, a whole chain's
 * members and products; bench.products then says how many products it holds), bench.classArchive (true: the till's
 * JVM started as its launcher starts it, with the class archive one uncounted first start writes; false: without);
 * glass.platform, monocle.platform and prism.order are passed on to the measured JVMs.
 */
public final class ScreensBench {
    static final String OWNER_PIN = "8888";
    private static final int PRODUCTS = Integer.getInteger("bench.products", 100_000);
    private static final int STARTS = Integer.getInteger("bench.starts", 5);
    /** Whether the till's JVM keeps its class archive as the launcher has it start (one uncounted start writes it). */
    private static final boolean CLASS_ARCHIVE = Boolean.parseBoolean(System.getProperty("bench.classArchive", "true"));
    private static final List<String> FORWARDED = List.of("prism.order", "glass.platform", "monocle.platform",
            "headless.geometry", "java.awt.headless", "bench.scans", "bench.products");

    private ScreensBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = System.getProperty("bench.dir") == null ? Files.createTempDirectory("screens-bench")
                : Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("bench.dir"))), "screens-bench");
        try {
            measure(dir);
        } finally {
            if (Boolean.getBoolean("bench.keep")) {
                System.out.println("kept the till's folder: " + dir);
                return;
            }
            try (var files = Files.walk(dir)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static void measure(Path dir) throws Exception {
        long prepared = System.nanoTime();
        String ledger = System.getProperty("bench.ledger");
        if (ledger == null) {
            prepare(dir);
        } else {
            copyOf(Path.of(ledger), dir);
        }
        System.out.printf(Locale.ROOT, "prepared a till ledger with %,d products%s in %.1f s (%s, %d vCPU)%n", PRODUCTS,
                ledger == null ? "" : " and %,d members, copied from %s".formatted(members(dir), ledger),
                (System.nanoTime() - prepared) / 1e9, System.getProperty("glass.platform", "gtk"),
                Runtime.getRuntime().availableProcessors());
        List<Long> lock = new ArrayList<>();
        List<Long> sale = new ArrayList<>();
        if (CLASS_ARCHIVE) {
            long launched = System.currentTimeMillis();
            for (String line : child(dir, false)) {
                if (line.startsWith("ready ")) {
                    System.out.printf(Locale.ROOT, "  the first start, writing the class archive as it ends (not counted): "
                            + "sale screen ready %d ms%n", figures(line).get("sale") - launched);
                }
            }
        }
        for (int run = 1; run <= STARTS; run++) {
            long launched = System.currentTimeMillis();
            for (String line : child(dir, run == STARTS)) {
                if (line.startsWith("ready ")) {
                    Map<String, Long> at = figures(line);
                    lock.add(at.get("lock") - launched);
                    sale.add(at.get("sale") - launched);
                    System.out.printf(Locale.ROOT, "  run %d, ms from launch: main %d, ledger open %d, JavaFX up %d, "
                            + "window shown %d, lock screen ready %d, sale screen ready %d%n", run, at.get("main") - launched,
                            at.get("ledger") - launched, at.get("toolkit") - launched, at.get("window") - launched,
                            at.get("lock") - launched, at.get("sale") - launched);
                } else {
                    System.out.println("  run " + run + ": " + line);
                }
            }
        }
        System.out.printf(Locale.ROOT, "start-up over %d fresh JVMs, from launch, median (min-max): lock screen ready %d ms "
                + "(%d-%d), sale screen ready %d ms (%d-%d)%n", STARTS, median(lock), min(lock), max(lock), median(sale),
                min(sale), max(sale));
    }

    /** An enrolled till: the catalog and loyalty rules pulled from head office, the owner's account, a shift open. */
    private static void prepare(Path dir) {
        try (BenchTill till = new BenchTill(dir.resolve("till.db"), PRODUCTS)) {
            saveOwner(till.ledger);
        }
    }

    private static void saveOwner(Ledger ledger) {
        StaffStore staff = new StaffStore();
        new SetUpStaff(ledger, staff, new PinManagerApprovals(ledger, staff, new PinGuard(ledger, Clock.systemUTC())),
                new PinHasher(new SecureRandom())).save("owner", "店主", StaffAccountSet.Role.OWNER, OWNER_PIN, null);
    }

    /** A copy of an enrolled till's ledger, with the owner's account and a shift open as {@link BenchTill} has them. */
    private static void copyOf(Path file, Path dir) throws IOException {
        Files.copy(file, dir.resolve("till.db"));
        Path wal = Path.of(file + "-wal");
        if (Files.exists(wal)) {
            Files.copy(wal, dir.resolve("till.db-wal"));
        }
        EventCodec codec = EventCodec.standard();
        Clock clock = Clock.systemUTC();
        try (Ledger ledger = Ledger.open(dir.resolve("till.db"), clock, codec, TillProjections.standard(codec))) {
            saveOwner(ledger);
            new Shifts(ledger, new ShiftStore(codec), clock).open("bench", 50_000);
        }
    }

    private static long members(Path dir) throws SQLException {
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("till.db"));
             ResultSet rs = sqlite.createStatement().executeQuery("SELECT COUNT(*) FROM members")) {
            return rs.getLong(1);
        }
    }

    private static List<String> child(Path dir, boolean scans) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED"));
        if (CLASS_ARCHIVE) { // as the till's launcher starts it (installer/src/dist/bin/till)
            command.addAll(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + dir.resolve("till.jsa")));
        }
        FORWARDED.stream().filter(key -> System.getProperty(key) != null)
                .forEach(key -> command.add("-D" + key + "=" + System.getProperty(key)));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ScreensBenchRun.class.getName(),
                dir.toString(), Boolean.toString(scans)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> figures = new ArrayList<>();
        List<String> everything = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                everything.add(line);
                if (line.startsWith("ready ") || line.startsWith("scan ")) {
                    figures.add(line);
                }
            }
        }
        if (process.waitFor() != 0 || figures.isEmpty()) {
            everything.forEach(System.err::println);
            throw new IllegalStateException("the measured till failed (exit " + process.exitValue() + ")");
        }
        return figures;
    }

    /** "ready lock=123 sale=456 ...": the numbers by name. */
    private static Map<String, Long> figures(String line) {
        Map<String, Long> figures = new HashMap<>();
        for (String word : line.split(" ")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                figures.put(word.substring(0, eq), Long.parseLong(word.substring(eq + 1)));
            }
        }
        return figures;
    }

    private static long median(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().skip(values.size() / 2).findFirst().orElse(0);
    }

    private static long min(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
