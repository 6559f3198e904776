package io.chainpos.server.web;

import io.chainpos.server.log.Projector;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The line under every page when reports read the primary: nothing while its read models are within what a read
 * catches up before answering, and how far behind they are when a flood left more (the page then shows the figures as
 * they stand rather than wait).
 */
public final class ProjectionFreshness implements ReportFreshness {
    private final Supplier<Projector.Lag> lag;
    private final long readWaitsFor;
    private final Clock clock;

    /**
     * @param lag          how far the read models trail the log now
     * @param readWaitsFor the most events a read catches up before answering ({@code Ports.READ_WAITS_FOR})
     */
    public ProjectionFreshness(Supplier<Projector.Lag> lag, long readWaitsFor, Clock clock) {
        this.lag = lag;
        this.readWaitsFor = readWaitsFor;
        this.clock = clock;
    }

    @Override
    public Optional<FiguresAsOf> now() {
        Projector.Lag now = lag.get();
        if (now.events() <= readWaitsFor) {
            return Optional.empty();
        }
        return Optional.of(new FiguresAsOf(Source.CATCHING_UP, Optional.of(clock.instant().minus(now.behind())), now.events()));
    }
}
