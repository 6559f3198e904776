package io.chainpos.till.ui.app;

import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.id.EventId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.scan.BarcodeParser;
import io.chainpos.till.AppStartup;
import io.chainpos.till.device.scanner.WedgeTiming;
import io.chainpos.till.settings.TillSettings;
import io.chainpos.till.settings.TillSettingsFile;
import io.chainpos.till.testing.TestTill;
import io.chainpos.till.ui.Tasks;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.event.EventType;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * Measures the till's screens (not a test; prints its figures): the start-up time from the JVM's start to the lock
 * screen ready for a PIN and to a sale screen ready to scan, each in a fresh JVM on a ledger with a 100,000-product
 * catalog; and the time from a keyboard-wedge scan (key events into the real scene) to its line laid out in the cart,
 * through the wedge filter, the counter thread, the ledger and the pricing. Run: see docs/benchmarks.md.
 */
public final class ScreensBench {
    private static final int PRODUCTS = Integer.getInteger("bench.products", 100_000);
    private static final int STARTS = Integer.getInteger("bench.starts", 5);
    private static final int SCANS = Integer.getInteger("bench.scans", 1_000);
    private static final int WARMUP = 200;
    private static final int LINES_PER_SALE = 25;
    private static final List<String> FORWARDED = List.of("prism.order", "glass.platform", "monocle.platform",
            "headless.geometry", "java.awt.headless", "bench.scans", "bench.products");

    private ScreensBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("start")) {
            Start.run(Path.of(args[1]), Boolean.parseBoolean(args[2]));
            return;
        }
        Path dir = Files.createTempDirectory("screens-bench");
        long prepared = System.nanoTime();
        prepare(dir);
        System.out.printf(Locale.ROOT, "prepared a till ledger with %,d products in %.1f s (%s, %d vCPU)%n", PRODUCTS,
                (System.nanoTime() - prepared) / 1e9, System.getProperty("glass.platform", "gtk"),
                Runtime.getRuntime().availableProcessors());
        List<Long> lockScreen = new ArrayList<>();
        List<Long> saleScreen = new ArrayList<>();
        for (int run = 1; run <= STARTS; run++) {
            boolean scans = run == STARTS;
            for (String line : child(dir, scans)) {
                System.out.println("  run " + run + ": " + line);
                if (line.startsWith("startup ")) {
                    Map<String, Long> figures = figures(line);
                    lockScreen.add(figures.get("lock"));
                    saleScreen.add(figures.get("sale"));
                }
            }
        }
        System.out.printf(Locale.ROOT, "start-up over %d fresh JVMs, median (min-max): lock screen %d ms (%d-%d), "
                        + "sale screen ready %d ms (%d-%d) after the JVM started%n", STARTS, median(lockScreen),
                lockScreen.stream().mapToLong(Long::longValue).min().orElse(0), lockScreen.stream().mapToLong(Long::longValue).max().orElse(0),
                median(saleScreen), saleScreen.stream().mapToLong(Long::longValue).min().orElse(0),
                saleScreen.stream().mapToLong(Long::longValue).max().orElse(0));
    }

    /** An enrolled till: the catalog pulled from head office, loyalty rules, the owner, a shift open. */
    private static void prepare(Path dir) {
        Clock clock = Clock.systemUTC();
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1")) {
            Instant from = Instant.parse("2026-01-01T00:00:00Z");
            long seq = 0;
            for (int start = 0; start < PRODUCTS; start += 5_000) {
                List<EventEnvelope> batch = new ArrayList<>();
                for (int n = start; n < Math.min(PRODUCTS, start + 5_000); n++) {
                    batch.add(hq(clock, ++seq, new CatalogItemUpserted(1, from, Sku.of("P%06d".formatted(n)),
                            List.of(barcode(n)), "商品 " + n, "Product " + n, "CAT" + n % 40, CatalogItemUpserted.Unit.PIECE,
                            100 + n % 5_000, n % 3 == 0 ? 90L + n % 5_000 : null, 1300, true)));
                }
                till.ledger.applyPulled(batch, seq);
            }
            till.ledger.applyPulled(List.of(hq(clock, ++seq, new LoyaltyRulesPublished(1, from, 1, Map.of(), List.of(),
                    0, 1, 12, 500, 60))), seq);
            till.withStaff();
            till.shifts.open("owner", 50_000);
        }
    }

    private static List<String> child(Path dir, boolean scans) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED"));
        FORWARDED.stream().filter(key -> System.getProperty(key) != null)
                .forEach(key -> command.add("-D" + key + "=" + System.getProperty(key)));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ScreensBench.class.getName(), "start",
                dir.toString(), Boolean.toString(scans)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> figures = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("startup ") || line.startsWith("scan ")) {
                    figures.add(line);
                }
            }
        }
        if (process.waitFor() != 0 || figures.isEmpty()) {
            throw new IllegalStateException("the measured till failed (exit " + process.exitValue() + ")");
        }
        return figures;
    }

    private static Map<String, Long> figures(String line) {
        Map<String, Long> figures = new java.util.HashMap<>();
        for (String word : line.split(" ")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                figures.put(word.substring(0, eq), Long.parseLong(word.substring(eq + 1).replace("ms", "")));
            }
        }
        return figures;
    }

    static String barcode(int n) {
        String data = "69" + "%010d".formatted(n);
        return data + BarcodeParser.checkDigit(data);
    }

    private static EventEnvelope hq(Clock clock, long seq, Event payload) {
        return new EventEnvelope(EventId.newId(clock), new StoreId("HQ"), new TillId("HQ"), 1, seq,
                (clock.millis() << 16) + seq, clock.instant(), payload);
    }

    private static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }

    /** The measured till, in its own JVM: started as the app starts, signed in, then scanned at. */
    static final class Start {
        private Start() {
        }

        static void run(Path dir, boolean scans) throws Exception {
            long jvmStart = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
            long mainEntered = System.currentTimeMillis() - jvmStart;
            Clock clock = Clock.system(TestTill.SHANGHAI);
            io.chainpos.model.json.EventCodec codec = io.chainpos.model.json.EventCodec.standard();
            io.chainpos.till.ledger.Ledger ledger = io.chainpos.till.ledger.Ledger.open(dir.resolve("till.db"), clock, codec,
                    io.chainpos.till.TillProjections.standard(codec));
            AppStartup startup = new AppStartup(ledger, codec, clock, dir, (url, token) -> {
                throw new IllegalStateException("not linked");
            }, TillSettings.defaults());
            long ledgerOpen = System.currentTimeMillis() - jvmStart;
            ExecutorService counter = Executors.newSingleThreadExecutor();
            ExecutorService network = Executors.newSingleThreadExecutor();
            AtomicLong lockReady = new AtomicLong();
            AtomicLong saleReady = new AtomicLong();
            CountDownLatch ready = new CountDownLatch(1);
            TillWindow[] window = new TillWindow[1];
            AtomicLong toolkit = new AtomicLong();
            AtomicLong shown = new AtomicLong();
            Platform.startup(() -> {
                toolkit.set(System.currentTimeMillis() - jvmStart);
                Stage stage = new Stage();
                window[0] = TillWindow.open(stage, startup, new TillSettingsFile(dir), TillSettings.defaults(), Locale.ENGLISH,
                        new Tasks(counter, network, Platform::runLater), WedgeTiming.DEFAULT, System::nanoTime);
                AppViewModel app = window[0].app();
                app.screenProperty().addListener((o, was, now) -> {
                    if (now == AppViewModel.Screen.SIGN_IN) {
                        afterPulse(window[0], () -> {
                            lockReady.set(System.currentTimeMillis() - jvmStart);
                            app.signIn().pinProperty().set(TestTill.OWNER_PIN);
                            app.signIn().enter();
                        });
                    }
                });
                window[0].scene().focusOwnerProperty().addListener((o, was, now) -> {
                    if (now instanceof TextField field && "scan-field".equals(field.getId()) && saleReady.get() == 0) {
                        afterPulse(window[0], () -> {
                            saleReady.set(System.currentTimeMillis() - jvmStart);
                            ready.countDown();
                        });
                    }
                });
                stage.show();
                shown.set(System.currentTimeMillis() - jvmStart);
            });
            if (!ready.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the sale screen never got ready");
            }
            System.out.printf(Locale.ROOT, "startup lock=%dms sale=%dms (from the JVM's start; the PIN is typed the moment "
                    + "the lock screen shows) main=%dms ledger=%dms toolkit=%dms window=%dms%n", lockReady.get(),
                    saleReady.get(), mainEntered, ledgerOpen, toolkit.get(), shown.get());
            if (scans) {
                scanToLine(window[0]);
            }
            Platform.exit();
            counter.shutdown();
            counter.awaitTermination(10, TimeUnit.SECONDS);
            network.shutdownNow();
            startup.close();
            ledger.close();
            System.exit(0);
        }

        /** Scans into the real scene, one at a time, each timed until its line is laid out in the cart. */
        private static void scanToLine(TillWindow window) throws Exception {
            SplittableRandom random = new SplittableRandom(42);
            long[] micros = new long[SCANS];
            long[] answered = new long[SCANS];
            for (int i = -WARMUP; i < SCANS; i++) {
                String code = barcode(random.nextInt(PRODUCTS));
                long[] took = oneScan(window, code, (i + WARMUP) % LINES_PER_SALE == LINES_PER_SALE - 1);
                if (i >= 0) {
                    answered[i] = took[0];
                    micros[i] = took[1];
                }
            }
            Arrays.sort(micros);
            Arrays.sort(answered);
            System.out.printf(Locale.ROOT, "scan to the cart's view-model updated (the counter thread's work and the hand-back): "
                    + "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n", answered[SCANS / 2] / 1e3, answered[SCANS * 9 / 10] / 1e3,
                    answered[SCANS * 99 / 100] / 1e3);
            System.out.printf(Locale.ROOT, "scan to line on screen over %d scans (after %d to warm up; %,d products; a sale "
                            + "held every %d lines): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", SCANS, WARMUP,
                    PRODUCTS, LINES_PER_SALE, micros[SCANS / 2] / 1e3, micros[SCANS * 9 / 10] / 1e3,
                    micros[SCANS * 99 / 100] / 1e3, micros[SCANS - 1] / 1e3);
        }

        private static long[] oneScan(TillWindow window, String code, boolean holdAfter) throws Exception {
            CountDownLatch shown = new CountDownLatch(1);
            AtomicLong took = new AtomicLong();
            AtomicLong answered = new AtomicLong();
            Platform.runLater(() -> {
                var sale = window.app().sale();
                int before = sale.lines().stream().mapToInt(row -> (int) (row.qtyMilli() / 1000)).sum();
                TextField field = (TextField) window.scene().lookup("#scan-field");
                javafx.collections.ListChangeListener<Object> listener = new javafx.collections.ListChangeListener<>() {
                    @Override
                    public void onChanged(Change<?> change) {
                        int now = sale.lines().stream().mapToInt(row -> (int) (row.qtyMilli() / 1000)).sum();
                        if (now > before) {
                            answered.set(System.nanoTime() - took.get());
                            sale.lines().removeListener(this);
                            afterPulse(window, () -> {
                                took.set(System.nanoTime() - took.get());
                                shown.countDown();
                            });
                        }
                    }
                };
                sale.lines().addListener(listener);
                took.set(System.nanoTime());
                for (char digit : code.toCharArray()) {
                    type(field, KeyCode.valueOf("DIGIT" + digit), String.valueOf(digit));
                }
                type(field, KeyCode.ENTER, "\r");
            });
            if (!shown.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the line for " + code + " never showed");
            }
            if (holdAfter) {
                CountDownLatch held = new CountDownLatch(1);
                Platform.runLater(() -> {
                    window.app().sale().actions().hold();
                    window.app().sale().totalProperty().addListener((o, was, now) -> held.countDown());
                });
                held.await(30, TimeUnit.SECONDS);
            }
            return new long[] {answered.get() / 1_000, took.get() / 1_000};
        }

        private static void type(TextField field, KeyCode code, String text) {
            javafx.event.Event.fireEvent(field, key(field, KeyEvent.KEY_PRESSED, code, text));
            if (code != KeyCode.ENTER) {
                javafx.event.Event.fireEvent(field, key(field, KeyEvent.KEY_TYPED, KeyCode.UNDEFINED, text));
            }
            javafx.event.Event.fireEvent(field, key(field, KeyEvent.KEY_RELEASED, code, text));
        }

        private static KeyEvent key(TextField field, EventType<KeyEvent> type, KeyCode code, String text) {
            return new KeyEvent(field, field, type, type == KeyEvent.KEY_TYPED ? text : KeyEvent.CHAR_UNDEFINED,
                    type == KeyEvent.KEY_TYPED ? "" : text, code, false, false, false, false);
        }
    }

    /** Runs {@code then} once the next layout pulse has been done: what was changed is on screen. */
    private static void afterPulse(TillWindow window, Runnable then) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            window.scene().removePostLayoutPulseListener(once[0]);
            then.run();
        };
        window.scene().addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }
}
