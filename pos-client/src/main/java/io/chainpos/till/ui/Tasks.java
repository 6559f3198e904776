package io.chainpos.till.ui;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs use-cases away from the screen's thread and hands their answers back to it. Counter work (the sale, the
 * ledger, the print queue) runs on one thread in the order it was asked for, so scans ring up in the order they
 * came; network work (enrollment, a sync round) runs on another, so a slow server never holds up a scan.
 */
public final class Tasks {
    private static final Logger log = LoggerFactory.getLogger(Tasks.class);

    /**
     * Work that may wait for the disk, the network or a device, so it never runs on the screen's thread. Its own
     * type (not {@code Callable}, which JavaFX bindings take too) is what lets {@code ScreenThreadTest} tell, in
     * the compiled screens, the code that runs here from the code that runs on the screen's thread.
     */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    private final Executor counter;
    private final Executor network;
    private final UiExecutor ui;

    public Tasks(Executor counter, Executor network, UiExecutor ui) {
        this.counter = counter;
        this.network = network;
        this.ui = ui;
    }

    /** Everything on the caller's thread: for tests of view-models without a screen. */
    public static Tasks direct() {
        return new Tasks(Runnable::run, Runnable::run, UiExecutor.direct());
    }

    public UiExecutor ui() {
        return ui;
    }

    /** Runs {@code work} on the counter thread; {@code then} or {@code failed} runs on the screen's thread. */
    public <T> void counter(Work<T> work, Consumer<T> then, Consumer<Notice> failed) {
        submit(counter, work, then, failed);
    }

    public <T> void network(Work<T> work, Consumer<T> then, Consumer<Notice> failed) {
        submit(network, work, then, failed);
    }

    private <T> void submit(Executor executor, Work<T> work, Consumer<T> then, Consumer<Notice> failed) {
        executor.execute(() -> {
            T result;
            try {
                result = work.run();
            } catch (Exception e) {
                // A use-case's expected outcomes are values; an exception here is a fault (a full disk, a bug).
                log.error("ui.task.failed", e);
                // The cashier is told it happened, never the exception's text: that is in the log for whoever mends it.
                ui.execute(() -> failed.accept(Notice.error("error.unexpected")));
                return;
            }
            ui.execute(() -> then.accept(result));
        });
    }
}
