package io.chainpos.server.member;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index of members' names close behind the log (every few seconds, on a daemon thread), so a search rarely
 * has anything to index first, and fills it after an upgrade. A run that fails is logged and tried again.
 */
public final class NameIndexSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NameIndexSchedule.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "name-index");
        thread.setDaemon(true);
        return thread;
    });
    private final java.util.function.IntSupplier indexNames;

    /** {@code indexNames} indexes what waits and says how many members it (re)indexed. */
    public NameIndexSchedule(java.util.function.IntSupplier indexNames) {
        this.indexNames = indexNames;
    }

    public NameIndexSchedule start() {
        scheduler.scheduleWithFixedDelay(this::runOnce, 2, 5, TimeUnit.SECONDS);
        return this;
    }

    private void runOnce() {
        try {
            long start = System.nanoTime();
            int indexed = indexNames.getAsInt();
            if (indexed > JdbcMemberNames.BATCH) {
                LOG.atInfo().setMessage("member_names_indexed").addKeyValue("members", indexed)
                        .addKeyValue("ms", (System.nanoTime() - start) / 1_000_000).log();
            }
        } catch (RuntimeException e) {
            LOG.error("member_names_index_failed", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
