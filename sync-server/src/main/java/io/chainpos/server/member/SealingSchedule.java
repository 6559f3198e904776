package io.chainpos.server.member;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the {@link SealingCheck} every minute on a daemon thread; a run that fails is logged and tried again. */
public final class SealingSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SealingSchedule.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sealing-check");
        thread.setDaemon(true);
        return thread;
    });
    private final SealingCheck check;
    private final Clock clock;

    public SealingSchedule(SealingCheck check, Clock clock) {
        this.check = check;
        this.clock = clock;
    }

    public SealingSchedule start() {
        scheduler.scheduleWithFixedDelay(this::runOnce, 30, 60, TimeUnit.SECONDS);
        return this;
    }

    private void runOnce() {
        try {
            int found = check.run(clock.instant(), SealingCheck.KEY_DEADLINE).size();
            if (found > 0) {
                LOG.atWarn().setMessage("sealing_check_found").addKeyValue("count", found).log();
            }
        } catch (RuntimeException e) {
            LOG.error("sealing_check_failed", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
