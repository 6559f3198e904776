package io.chainpos.server.loyalty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the loyalty evaluation once for each new day in head office's zone: checked every few minutes, so a
 * server that was down at midnight catches up when it starts. A second run on a day that the first has
 * finished changes nothing (expiry takes the oldest lots, a downgrade only goes down); two nodes evaluating
 * at the same moment could both expire the same lots, so a chain running several nodes turns the schedule
 * off on all but one ({@code CHAINPOS_LOYALTY_SCHEDULE=off}).
 */
public final class DailyPeriodEnd implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DailyPeriodEnd.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "loyalty-period-end");
        thread.setDaemon(true);
        return thread;
    });
    private final PeriodEnd periodEnd;
    private final ZoneId zone;
    private final Clock clock;
    private LocalDate lastRun;

    public DailyPeriodEnd(PeriodEnd periodEnd, ZoneId zone, Clock clock) {
        this.periodEnd = periodEnd;
        this.zone = zone;
        this.clock = clock;
    }

    public DailyPeriodEnd start() {
        scheduler.scheduleWithFixedDelay(this::runIfNewDay, 1, 5 * 60, TimeUnit.SECONDS);
        return this;
    }

    private void runIfNewDay() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (today.equals(lastRun)) {
            return;
        }
        try {
            periodEnd.run(today);
            lastRun = today;
        } catch (RuntimeException e) {
            LOG.error("loyalty_period_end_failed", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
