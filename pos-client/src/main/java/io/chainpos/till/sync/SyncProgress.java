package io.chainpos.till.sync;

import java.time.Duration;

/**
 * How far a long sync has come, for a progress bar: what it is doing, how much of how much ({@code total} 0: not
 * known), and the time left at the pace so far (null until there is a pace). {@link #IDLE} when nothing long runs.
 */
public record SyncProgress(Stage stage, long done, long total, Duration left) {
    public static final SyncProgress IDLE = new SyncProgress(Stage.IDLE, 0, 0, null);

    public enum Stage {
        IDLE,
        /** The server writes this till's snapshot; nothing to count until it says how large it is. */
        PREPARING,
        /** The snapshot's bytes come down ({@code done}, {@code total}: bytes). */
        DOWNLOADING,
        /** The downloaded snapshot goes into the ledger in one transaction ({@code done}, {@code total}: events). */
        INSTALLING,
        /** Pages of events pulled one after another ({@code done}: events; the total is not known). */
        PULLING,
        /** The data keys of the members learned from other tills come down ({@code done}, {@code total}: members). */
        KEYS
    }

    /** What it has done of its total, 0 to 1, or -1 when the total is not known. */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
    }

    public boolean running() {
        return stage != Stage.IDLE;
    }

    /**
     * The progress after {@code elapsed} with {@code done} of {@code total} done since it started at {@code doneAtStart}
     * (a resumed download counts its pace from the bytes fetched now, not those fetched before the cut).
     */
    public static SyncProgress of(Stage stage, long done, long total, long doneAtStart, Duration elapsed) {
        long now = done - doneAtStart;
        Duration left = null;
        if (total > 0 && now > 0 && !elapsed.isNegative() && !elapsed.isZero()) {
            long remaining = Math.max(0, total - done);
            left = Duration.ofNanos((long) ((double) elapsed.toNanos() * remaining / now));
        }
        return new SyncProgress(stage, done, total, left);
    }
}
