package io.chainpos.bench;

import io.chainpos.model.json.EventCodec;
import io.chainpos.till.AppStartup;
import io.chainpos.till.TillProjections;
import io.chainpos.till.device.scanner.WedgeTiming;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.settings.TillSettings;
import io.chainpos.till.settings.TillSettingsFile;
import io.chainpos.till.sync.OkHttpSyncApi;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.Tasks;
import io.chainpos.till.ui.app.AppViewModel;
import io.chainpos.till.ui.app.PendingStartup;
import io.chainpos.till.ui.app.TillWindow;
import io.chainpos.till.ui.fx.FxUi;
import io.chainpos.till.ui.sale.CartRow;
import io.chainpos.till.ui.sale.SaleViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * One measured till, in its own JVM (started by {@link ScreensBench}): opens the ledger and the window as the app
 * does ({@code FxTill}), types the owner's PIN the moment the lock screen shows, and prints when each stage was
 * reached (epoch milliseconds, so the launcher can count from the moment it started the JVM). With scans, it then
 * scans random products of the catalog into the real scene, one at a time, each timed until its line is laid out.
 */
final class ScreensBenchRun {
    private static final int SCANS = Integer.getInteger("bench.scans", 1_000);
    private static final int PRODUCTS = Integer.getInteger("bench.products", 100_000);
    private static final int WARMUP = 200;
    /** A sale is held every so many lines, so the cart stays the size of a real one. */
    private static final int LINES_PER_SALE = 25;

    private ScreensBenchRun() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception | Error e) {
            // JavaFX's and the counter's threads would keep a failed run alive: say why and stop
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        long main = System.currentTimeMillis();
        Path dir = Path.of(args[0]);
        boolean scans = Boolean.parseBoolean(args[1]);
        Clock clock = Clock.system(BenchTill.ZONE);
        EventCodec codec = EventCodec.standard();
        PendingStartup startup = new PendingStartup();
        ExecutorService counter = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("till-counter").factory());
        ExecutorService network = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("till-network").factory());
        AtomicLong toolkit = new AtomicLong();
        AtomicLong shown = new AtomicLong();
        AtomicLong lockReady = new AtomicLong();
        AtomicLong saleReady = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(1);
        TillWindow[] window = new TillWindow[1];
        Platform.startup(() -> {
            toolkit.set(System.currentTimeMillis());
            Stage stage = new Stage();
            window[0] = TillWindow.open(stage, startup, new TillSettingsFile(dir), TillSettings.defaults(), Locale.ENGLISH,
                    new Tasks(counter, network, Platform::runLater), WedgeTiming.DEFAULT, System::nanoTime);
            AppViewModel app = window[0].app();
            Scene scene = window[0].scene();
            app.screenProperty().addListener((o, was, now) -> {
                if (now == AppViewModel.Screen.SIGN_IN) {
                    FxUi.afterNextLayout(scene, () -> {
                        lockReady.set(System.currentTimeMillis());
                        app.signIn().pinProperty().set(ScreensBench.OWNER_PIN);
                        app.signIn().enter();
                    });
                }
            });
            scene.focusOwnerProperty().addListener((o, was, now) -> {
                if (now instanceof TextField field && "scan-field".equals(field.getId()) && saleReady.get() == 0) {
                    FxUi.afterNextLayout(scene, () -> {
                        saleReady.set(System.currentTimeMillis());
                        ready.countDown();
                    });
                }
            });
            stage.show();
            shown.set(System.currentTimeMillis());
        });
        // As the till starts (FxTill.begin): the window comes up while the ledger opens.
        Ledger ledger = Ledger.open(dir.resolve("till.db"), clock, codec, TillProjections.standard(codec));
        // A till prepared here is not linked to a server; a copied one (bench.ledger) is, to a server no longer there:
        // it starts as a till whose network is down, its sync trying in the background.
        AppStartup till = new AppStartup(ledger, codec, clock, dir,
                (url, token) -> new OkHttpSyncApi(OkHttpSyncApi.defaultClient(), codec, url, token), TillSettings.defaults());
        startup.ready(till);
        long ledgerOpen = System.currentTimeMillis();
        if (!ready.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the sale screen never got ready");
        }
        System.out.printf(Locale.ROOT, "ready main=%d ledger=%d toolkit=%d window=%d lock=%d sale=%d%n", main, ledgerOpen,
                toolkit.get(), shown.get(), lockReady.get(), saleReady.get());
        if (scans) {
            scanToLine(window[0]);
        }
        Platform.exit();
        counter.shutdown();
        counter.awaitTermination(10, TimeUnit.SECONDS);
        network.shutdownNow();
        till.close();
        ledger.close();
        System.exit(0);
    }

    /** Scans into the real scene, one at a time, each timed until its line is laid out in the cart. */
    private static void scanToLine(TillWindow window) throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        long[] onScreen = new long[SCANS];
        long[] inModel = new long[SCANS];
        int measured = 0;
        int split = 0;
        int lines = 0;
        for (int i = -WARMUP; measured < SCANS; i++) {
            String code = BenchTill.barcode(random.nextInt(PRODUCTS));
            long[] took = oneScan(window, code);
            if (took == null) {
                split++;
                continue;
            }
            if (i >= 0) {
                inModel[measured] = took[0];
                onScreen[measured++] = took[1];
            }
            if (++lines % LINES_PER_SALE == 0) {
                hold(window);
            }
        }
        Arrays.sort(onScreen);
        Arrays.sort(inModel);
        // A scan's keys are timed as the screen's thread handles them: a stall of that thread longer than the
        // wedge's gap (50 ms) in the middle of a scan makes its first characters look typed by a person.
        System.out.printf(Locale.ROOT, "scan codes split by a stall of the screen's thread longer than the wedge's gap (not "
                + "timed; the till refused the rest of the code and the field was cleared): %d%n", split);
        System.out.printf(Locale.ROOT, "scan to the cart's view-model updated (wedge, counter thread, ledger, pricing, hand-back): "
                + "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n", at(inModel, 50), at(inModel, 90), at(inModel, 99));
        System.out.printf(Locale.ROOT, "scan to line on screen over %d scans (after %d to warm up; %,d products; a sale "
                        + "held every %d lines): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", SCANS, WARMUP, PRODUCTS,
                LINES_PER_SALE, at(onScreen, 50), at(onScreen, 90), at(onScreen, 99), onScreen[SCANS - 1] / 1e3);
    }

    private static double at(long[] sortedMicros, int percentile) {
        return sortedMicros[Math.min(sortedMicros.length - 1, sortedMicros.length * percentile / 100)] / 1e3;
    }

    /**
     * One scan: its key events, as a wedge scanner types them, into the focused scan field; the time until its line
     * was in the view-model and until it was laid out, in microseconds, or null when the till refused the code.
     */
    private static long[] oneScan(TillWindow window, String code) throws InterruptedException {
        CountDownLatch answered = new CountDownLatch(1);
        AtomicLong start = new AtomicLong();
        AtomicLong inModel = new AtomicLong();
        AtomicLong onScreen = new AtomicLong();
        AtomicBoolean refused = new AtomicBoolean();
        Platform.runLater(() -> {
            SaleViewModel sale = window.app().sale();
            long before = units(sale);
            TextField field = (TextField) window.scene().lookup("#scan-field");
            Runnable[] stopListening = new Runnable[1];
            ListChangeListener<CartRow> line = change -> {
                if (units(sale) > before) {
                    inModel.set(System.nanoTime() - start.get());
                    stopListening[0].run();
                    FxUi.afterNextLayout(window.scene(), () -> {
                        onScreen.set(System.nanoTime() - start.get());
                        answered.countDown();
                    });
                }
            };
            ChangeListener<Notice> error = (o, was, now) -> {
                if (now != null && now.level() == Notice.Level.ERROR) {
                    stopListening[0].run();
                    field.clear();
                    refused.set(true);
                    answered.countDown();
                }
            };
            stopListening[0] = () -> {
                sale.lines().removeListener(line);
                sale.noticeProperty().removeListener(error);
            };
            sale.lines().addListener(line);
            sale.noticeProperty().addListener(error);
            start.set(System.nanoTime());
            for (char digit : code.toCharArray()) {
                type(field, KeyCode.valueOf("DIGIT" + digit), String.valueOf(digit));
            }
            type(field, KeyCode.ENTER, "\r");
        });
        if (!answered.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the till never answered the scan of " + code);
        }
        return refused.get() ? null : new long[] {inModel.get() / 1_000, onScreen.get() / 1_000};
    }

    private static long units(SaleViewModel sale) {
        return sale.lines().stream().mapToLong(row -> row.qtyMilli()).sum();
    }

    /** Parks the sale (F7), as a cashier would finish it, so the next scans start a new one. */
    private static void hold(TillWindow window) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        Platform.runLater(() -> {
            var sale = window.app().sale();
            javafx.beans.value.ChangeListener<Number> emptied = new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number was, Number now) {
                    if (now.longValue() == 0) {
                        sale.totalProperty().removeListener(this);
                        held.countDown();
                    }
                }
            };
            sale.totalProperty().addListener(emptied);
            sale.actions().hold();
        });
        if (!held.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the sale was not held");
        }
    }

    private static void type(TextField field, KeyCode code, String text) {
        Event.fireEvent(field, key(field, KeyEvent.KEY_PRESSED, code, text));
        if (code != KeyCode.ENTER) {
            Event.fireEvent(field, key(field, KeyEvent.KEY_TYPED, KeyCode.UNDEFINED, text));
        }
        Event.fireEvent(field, key(field, KeyEvent.KEY_RELEASED, code, text));
    }

    private static KeyEvent key(TextField field, EventType<KeyEvent> type, KeyCode code, String text) {
        return new KeyEvent(field, field, type, type == KeyEvent.KEY_TYPED ? text : KeyEvent.CHAR_UNDEFINED,
                type == KeyEvent.KEY_TYPED ? "" : text, code, false, false, false, false);
    }
}
