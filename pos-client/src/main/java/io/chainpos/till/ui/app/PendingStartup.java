package io.chainpos.till.ui.app;

import io.chainpos.till.sync.EnrollTill;
import io.chainpos.till.ui.TillStartup;
import io.chainpos.till.ui.TillUseCases;
import java.util.concurrent.CompletableFuture;

/**
 * The till's start-up as a window opened before the ledger sees it: each call waits, on the window's counter thread,
 * for the start-up {@link #ready} gives once the ledger is open.
 */
public final class PendingStartup implements TillStartup {
    private final CompletableFuture<TillStartup> startup = new CompletableFuture<>();

    /** The ledger is open: the window's waiting calls go on with this start-up. */
    public void ready(TillStartup till) {
        startup.complete(till);
    }

    /** The till will not start (its ledger, its server link); true when this is news, false when it was ready. */
    boolean fail() {
        return startup.completeExceptionally(new IllegalStateException("the till did not start"));
    }

    @Override
    public boolean enrolled() {
        return startup.join().enrolled();
    }

    @Override
    public EnrollTill.Result enroll(String serverAddress, String code) {
        return startup.join().enroll(serverAddress, code);
    }

    @Override
    public TillUseCases start() {
        return startup.join().start();
    }
}
