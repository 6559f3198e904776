package io.chainpos.till.sync;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.sync.PullResponse;
import io.chainpos.model.sync.PushRequest;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.PendingEvents;
import io.chainpos.till.ledger.TillIdentity;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the till and the server in step, in the background: pushes the events the server has not
 * acknowledged, oldest first and in batches, then pulls what other tills and head office recorded. When
 * the server cannot be reached it retries with exponential backoff and jitter; selling never waits for it.
 */
public final class SyncAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SyncAgent.class);

    /** Batch sizes and timings. */
    public record Settings(int pushBatch, int pullLimit, Duration idle, Duration firstBackoff, Duration maxBackoff) {
        public static Settings defaults() {
            return new Settings(500, 500, Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMinutes(5));
        }
    }

    /** What one round did. */
    public record Round(int pushed, int pulled) {
    }

    private final Ledger ledger;
    private final SyncApi api;
    private final Clock clock;
    private final RandomGenerator random;
    private final Settings settings;
    private final ScheduledExecutorService executor;
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private final Object roundLock = new Object();
    private volatile SyncStatus status;
    private int failures;
    private int pushBatch;
    private ScheduledFuture<?> next;

    public SyncAgent(Ledger ledger, SyncApi api, Clock clock, RandomGenerator random, Settings settings) {
        this.ledger = ledger;
        this.api = api;
        this.clock = clock;
        this.random = random;
        this.settings = settings;
        this.pushBatch = settings.pushBatch();
        this.status = SyncStatus.starting(ledger.pendingCount());
        this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("sync-agent").factory());
    }

    public SyncStatus status() {
        return status;
    }

    /** Called on the agent's thread whenever the status changes. */
    public void onStatus(Consumer<SyncStatus> listener) {
        listeners.add(listener);
    }

    /** Starts syncing in the background, and again soon after every sale the ledger commits. */
    public void start() {
        ledger.onCommit(events -> nudge());
        schedule(Duration.ZERO);
    }

    /** Something was recorded: sync soon, unless the agent is backing off from a server that is down. */
    public synchronized void nudge() {
        if (failures == 0) {
            schedule(Duration.ZERO);
        }
    }

    /** Pushes everything pending, then pulls everything new. Runs on the caller's thread. */
    public Round syncOnce() throws IOException {
        synchronized (roundLock) {
            TillIdentity self = ledger.identity().orElseThrow(() -> new IllegalStateException("this till is not enrolled"));
            int pushed = pushAll(self);
            int pulled = pullAll();
            return new Round(pushed, pulled);
        }
    }

    private int pushAll(TillIdentity self) throws IOException {
        int pushed = 0;
        while (true) {
            PendingEvents pending = ledger.pending(pushBatch);
            if (pending.isEmpty()) {
                return pushed;
            }
            List<EventEnvelope> events = pending.events();
            SyncApi.PushOutcome outcome = api.push(new PushRequest(self.tillId(), pending.epoch(), events));
            switch (outcome) {
                case SyncApi.Acked acked -> {
                    ledger.acknowledge(pending.epoch(), acked.response().ackedThrough());
                    pushed += acked.response().accepted();
                    if (acked.response().ackedThrough() < events.getLast().tillSeq()) {
                        // The server kept only part of the batch; the rest goes again from where it stopped.
                        log.warn("sync.push.partial epoch={} acked={} sent={}", pending.epoch(),
                                acked.response().ackedThrough(), events.getLast().tillSeq());
                    }
                    pushBatch = settings.pushBatch();
                }
                case SyncApi.Gap gap -> {
                    log.warn("sync.push.gap epoch={} expectedSeq={} sentFrom={}", pending.epoch(), gap.expectedSeq(),
                            events.getFirst().tillSeq());
                    ledger.serverHolds(pending.epoch(), gap.expectedSeq() - 1);
                }
                case SyncApi.Conflict conflict -> {
                    log.error("sync.push.quarantined epoch={} ackedThrough={} detail={}", pending.epoch(),
                            conflict.ackedThrough(), conflict.detail());
                    ledger.acknowledge(pending.epoch(), conflict.ackedThrough());
                }
                case SyncApi.Refused refused when refused.status() == 413 && pushBatch > 1 -> pushBatch = Math.max(1, pushBatch / 2);
                case SyncApi.Refused refused -> throw new SyncRefusedException(refused.status(), refused.error());
            }
        }
    }

    private int pullAll() throws IOException {
        int pulled = 0;
        long cursor = ledger.pullCursor();
        while (true) {
            PullResponse response = api.pull(cursor, settings.pullLimit());
            pulled += ledger.applyPulled(response.events(), response.next());
            for (EventEnvelope event : response.events()) {
                if (event.isUnknown()) {
                    log.warn("sync.pull.unknownEvent type={} version={} eventId={}", event.type(), event.schemaVersion(),
                            event.eventId());
                }
            }
            cursor = response.next();
            if (!response.hasMore()) {
                return pulled;
            }
        }
    }

    private void runScheduled() {
        synchronized (this) {
            next = null;
        }
        Duration delay;
        try {
            syncOnce();
            long waiting = ledger.pendingCount();
            synchronized (this) {
                failures = 0;
            }
            publish(new SyncStatus(SyncStatus.Connection.ONLINE, clock.instant(), waiting, null));
            delay = waiting > 0 ? Duration.ZERO : settings.idle();
        } catch (IOException e) {
            publish(new SyncStatus(SyncStatus.Connection.OFFLINE, status.lastSyncedAt(), ledger.pendingCount(),
                    "server not reachable: " + e.getMessage()));
            delay = backoff();
        } catch (SyncRefusedException e) {
            log.error("sync.refused status={} error={} detail={}", e.status(), e.error().error(), e.error().detail());
            publish(new SyncStatus(SyncStatus.Connection.REFUSED, status.lastSyncedAt(), ledger.pendingCount(), e.getMessage()));
            delay = backoff();
        } catch (RuntimeException e) {
            log.error("sync.failed", e);
            publish(new SyncStatus(SyncStatus.Connection.OFFLINE, status.lastSyncedAt(), ledger.pendingCount(),
                    "sync failed: " + e.getMessage()));
            delay = backoff();
        }
        schedule(delay);
    }

    /** Exponential backoff with jitter: half the step fixed, half random, so tills that lost the server together do not return together. */
    private synchronized Duration backoff() {
        failures++;
        long first = settings.firstBackoff().toMillis();
        long step = Math.min(settings.maxBackoff().toMillis(), first << Math.min(failures - 1, 30));
        return Duration.ofMillis(step / 2 + random.nextLong(step / 2 + 1));
    }

    private synchronized void schedule(Duration delay) {
        if (executor.isShutdown()) {
            return;
        }
        if (next != null && !next.isDone()) {
            if (next.getDelay(TimeUnit.MILLISECONDS) <= delay.toMillis()) {
                return;
            }
            next.cancel(false);
        }
        next = executor.schedule(this::runScheduled, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void publish(SyncStatus newStatus) {
        status = newStatus;
        listeners.forEach(listener -> listener.accept(newStatus));
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
