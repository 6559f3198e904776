package io.chainpos.till.ui;

import java.util.concurrent.Executor;

/**
 * Where view-models publish what a use-case answered: the JavaFX thread in the app ({@code Platform::runLater}),
 * the calling thread in tests of view-models alone.
 */
@FunctionalInterface
public interface UiExecutor extends Executor {

    static UiExecutor direct() {
        return Runnable::run;
    }
}
