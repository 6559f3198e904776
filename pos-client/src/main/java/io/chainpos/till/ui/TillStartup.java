package io.chainpos.till.ui;

import io.chainpos.till.sync.EnrollTill;

/**
 * How the screens bring the till up, implemented by the composition root: a new till enrolls first (the first-run
 * screen); then the counter's use-cases are built, sync and devices started.
 */
public interface TillStartup {

    boolean enrolled();

    /** Trades head office's one-time code for this till's identity; network I/O, never on the screen's thread. */
    EnrollTill.Result enroll(String serverAddress, String code);

    /** Builds the counter (once), starting sync and devices; disk and device I/O, never on the screen's thread. */
    TillUseCases start();
}
