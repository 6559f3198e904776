package io.chainpos.server.log;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that keeps the projections close behind the log: it catches up as soon as a push commits ({@link #nudge()})
 * and every {@code idle} for other server nodes' pushes. A failure is logged and tried again after {@code idle}; reads
 * catch up themselves meanwhile.
 */
public final class ProjectorFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectorFollower.class);

    private final Projector projector;
    private final Object signal = new Object();
    private final Thread thread;
    private boolean nudged;
    private volatile boolean closed;

    public ProjectorFollower(Projector projector, Duration idle) {
        this.projector = projector;
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
                projector.catchUp();
            } catch (RuntimeException e) {
                LOG.atError().setMessage("projector_failed").setCause(e).log();
                try {
                    Thread.sleep(idle.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
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
