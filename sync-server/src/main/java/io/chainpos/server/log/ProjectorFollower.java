package io.chainpos.server.log;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that keeps the projections close behind the log: it catches up {@code gather} after a push commits
 * ({@link #nudge()}), with whatever other pushes committed meanwhile (at once when pushes committed during its last
 * catch-up: it is behind), and every {@code idle} for other server nodes' pushes. Gathering makes one transaction of
 * many pushes: the projections' rows of a busy chain are spread over the whole of their indexes, and a transaction
 * writes each page it touched once however many events touched it. A failure is logged and tried again after
 * {@code idle}; reads catch up themselves meanwhile.
 *
 * <p>After each catch-up (the idle rounds' too) it runs {@code afterCatchUp}: what must follow what the projections
 * noted, committed, such as the merges head office owes members who share a phone. Its failure is logged apart and
 * does not hold the projections back.
 */
public final class ProjectorFollower implements AutoCloseable {
    /** How long the server gathers pushes before merging them: far below what head office can see, and reads catch up. */
    public static final Duration GATHER = Duration.ofMillis(100);
    private static final Logger LOG = LoggerFactory.getLogger(ProjectorFollower.class);

    private final Projector projector;
    private final Object signal = new Object();
    private final Thread thread;
    private final Duration gather;
    private final Runnable afterCatchUp;
    private boolean nudged;
    private volatile boolean closed;

    public ProjectorFollower(Projector projector, Duration idle, Duration gather) {
        this(projector, idle, gather, () -> { });
    }

    public ProjectorFollower(Projector projector, Duration idle, Duration gather, Runnable afterCatchUp) {
        this.projector = projector;
        this.gather = gather;
        this.afterCatchUp = afterCatchUp;
        this.thread = Thread.ofPlatform().daemon().name("projector").start(() -> run(idle));
    }

    /** A push has committed: catch up now. */
    public void nudge() {
        synchronized (signal) {
            nudged = true;
            signal.notifyAll();
        }
    }

    private void run(Duration idle) {
        boolean behind = false; // pushes committed while the last catch-up ran: merged at once, the projector is behind
        while (!closed) {
            synchronized (signal) {
                if (!nudged) {
                    try {
                        signal.wait(idle.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                nudged = false;
            }
            if (closed) {
                return;
            }
            try {
                if (!behind) {
                    Thread.sleep(gather);
                }
            } catch (InterruptedException e) {
                return;
            }
            try {
                projector.catchUp();
                synchronized (signal) {
                    behind = nudged;
                }
            } catch (RuntimeException e) {
                LOG.atError().setMessage("projector_failed").setCause(e).log();
                try {
                    Thread.sleep(idle.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                continue;
            }
            try {
                afterCatchUp.run();
            } catch (RuntimeException e) {
                LOG.atError().setMessage("after_catch_up_failed").setCause(e).log(); // tried again next round
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt(); // out of a wait or a pause after a failure; a catch-up under way finishes its transaction
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
