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
 * Runs the till's window until it is closed: starts JavaFX (no {@code Application} subclass, so the till runs from
 * a plain class path), the counter and network threads the view-models hand their work to, and the window filling
 * the screen. Returns once the window is closed and the counter thread has finished what it was doing; throws
 * {@link UnsupportedOperationException} at once when JavaFX cannot start (no display).
 */
public final class FxTill {
    private static final Logger log = LoggerFactory.getLogger(FxTill.class);

    private FxTill() {
    }

    public static void run(TillStartup startup, TillSettingsFile settingsFile, TillSettings settings, WedgeTiming wedge)
            throws InterruptedException {
        ExecutorService counter = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("till-counter").factory());
        ExecutorService network = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("till-network").factory());
        CountDownLatch closed = new CountDownLatch(1);
        long started = System.nanoTime();
        boolean up = false;
        try {
            Platform.startup(() -> {
                Stage stage = new Stage();
                Tasks tasks = new Tasks(counter, network, Platform::runLater);
                TillWindow window = TillWindow.open(stage, startup, settingsFile, settings, Locale.getDefault(), tasks,
                        wedge, System::nanoTime);
                Rectangle2D screen = Screen.getPrimary().getVisualBounds();
                stage.setX(screen.getMinX());
                stage.setY(screen.getMinY());
                stage.setWidth(screen.getWidth());
                stage.setHeight(screen.getHeight());
                stage.setOnHidden(e -> {
                    window.close();
                    closed.countDown();
                });
                stage.show();
                log.info("ui.window.shown millis={}", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            });
            up = true;
            closed.await();
        } finally {
            // JavaFX that never came up (no display) waits forever in exit: only a running toolkit is stopped
            if (up) {
                Platform.exit();
            }
            counter.shutdown();
            network.shutdownNow();
            if (!counter.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("ui.counter.stillBusy");
            }
        }
    }
}
