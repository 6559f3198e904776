package io.chainpos.till.ui.app;

import io.chainpos.till.device.scanner.WedgeTiming;
import io.chainpos.till.settings.TillSettings;
import io.chainpos.till.settings.TillSettingsFile;
import io.chainpos.till.ui.Tasks;
import io.chainpos.till.ui.TillStartup;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The till's window: JavaFX started (no {@code Application} subclass, so the till runs from a plain class path), the
 * counter and network threads the view-models hand their work to, and the window filling the screen.
 *
 * <p>{@link #begin} opens the window on its "starting" screen at once, while the caller opens the ledger: on a shop PC
 * JavaFX's start and the ledger's open then share the time instead of adding up. The window's counter thread waits for
 * the till's start-up given to {@link #run}, which returns once the window is closed; {@link #abandon} closes it when
 * the till cannot start after all.
 */
public final class FxTill {
    private static final Logger log = LoggerFactory.getLogger(FxTill.class);
    private final ExecutorService counter = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("till-counter").factory());
    private final ExecutorService network = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("till-network").factory());
    private final CountDownLatch closed = new CountDownLatch(1);
    private final PendingStartup startup = new PendingStartup();

    private FxTill() {
    }

    /**
     * Starts JavaFX and shows the window; throws {@link UnsupportedOperationException} at once when JavaFX cannot start
     * (no display), having started nothing.
     */
    public static FxTill begin(TillSettingsFile settingsFile, TillSettings settings, WedgeTiming wedge) {
        FxTill till = new FxTill();
        long started = System.nanoTime();
        try {
            Platform.startup(() -> {
                Stage stage = new Stage();
                Tasks tasks = new Tasks(till.counter, till.network, Platform::runLater);
                TillWindow window = TillWindow.open(stage, till.startup, settingsFile, settings, Locale.getDefault(), tasks,
                        wedge, System::nanoTime);
                Rectangle2D screen = Screen.getPrimary().getVisualBounds();
                stage.setX(screen.getMinX());
                stage.setY(screen.getMinY());
                stage.setWidth(screen.getWidth());
                stage.setHeight(screen.getHeight());
                stage.setOnHidden(e -> {
                    window.close();
                    till.closed.countDown();
                });
                stage.show();
                log.info("ui.window.shown millis={}", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            });
        } catch (RuntimeException e) {
            // JavaFX that never came up (no display) would wait forever in exit: nothing to stop but the threads
            till.counter.shutdownNow();
            till.network.shutdownNow();
            throw e;
        }
        return till;
    }

    /**
     * Hands the window the till's start-up (its ledger open) and returns once the window is closed and the counter
     * thread has finished what it was doing.
     */
    public void run(TillStartup till) throws InterruptedException {
        startup.ready(till);
        try {
            closed.await();
        } finally {
            stop();
        }
    }

    /** The till could not start after all (its ledger, its server link): the window closes and JavaFX stops. */
    public void abandon() {
        if (!startup.fail()) {
            return; // the till was handed over: run() stopped everything when the window closed
        }
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stop() throws InterruptedException {
        Platform.exit();
        counter.shutdown();
        network.shutdownNow();
        if (!counter.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("ui.counter.stillBusy");
        }
    }
}
