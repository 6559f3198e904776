package io.chainpos.till.sync;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.sync.PullResponse;
import io.chainpos.model.sync.PushRequest;
import io.chainpos.till.TillMessage;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.PendingEvents;
import io.chainpos.till.ledger.TillIdentity;
import io.chainpos.till.member.MemberKeyStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * acknowledged, oldest first and in batches, then pulls what other tills and head office recorded (or, when
 * its cursor is older than the server replays, rebuilds from a snapshot). A sale is pushed a moment after it
 * commits, with the sales that come in that moment. When nothing waits to go, one pull is held open on the
 * server, which answers it as soon as something for this till arrives (or empty after its wait), instead of
 * asking every few seconds. When the server cannot be reached it retries with exponential backoff and jitter;
 * selling never waits for it. Its status is a {@link SyncState} the screens watch.
 */
public final class SyncAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SyncAgent.class);

    /**
     * Batch sizes and timings. {@code idle}: the least time between two pulls that brought nothing (the poll
     * interval when {@code pullWait} is zero or the server does not hold pulls); {@code pushDelay}: how long after
     * a commit its push goes, gathering the sales of that moment; {@code pullWait}: how long the server may hold
     * the idle till's pull (zero: poll every {@code idle}).
     */
    public record Settings(int pushBatch, int pullLimit, Duration idle, Duration firstBackoff, Duration maxBackoff,
                           Duration pushDelay, Duration pullWait) {
        /** Pushing at once after every commit and polling every {@code idle}, as tills did before pulls were held. */
        public Settings(int pushBatch, int pullLimit, Duration idle, Duration firstBackoff, Duration maxBackoff) {
            this(pushBatch, pullLimit, idle, firstBackoff, maxBackoff, Duration.ZERO, Duration.ZERO);
        }

        public static Settings defaults() {
            return new Settings(500, 500, Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMinutes(5),
                    Duration.ofSeconds(1), Duration.ofSeconds(25));
        }
    }

    /** What one round did: events the server newly stored, events received, and what needs a person's eye. */
    public record Round(int pushed, int pulled, List<TillMessage> problems) {
        public Round {
            problems = List.copyOf(problems);
        }

        public Round(int pushed, int pulled) {
            this(pushed, pulled, List.of());
        }
    }

    private final Ledger ledger;
    private final SyncApi api;
    private final MemberKeySync memberKeys;
    private boolean pulledErasure;
    private final Clock clock;
    private final RandomGenerator random;
    private final Settings settings;
    private final ScheduledExecutorService executor;
    /** Where the held pull waits, so a push never queues behind it. */
    private final ScheduledExecutorService listener;
    private final SyncState state;
    private final Object roundLock = new Object();
    private final List<Runnable> afterEachPull = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Consumer<SyncProgress>> progressListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile SyncProgress progress = SyncProgress.IDLE;
    private final SnapshotRebuild rebuild;
    private int failures;
    private int pushBatch;
    private ScheduledFuture<?> next;
    private boolean listening;
    private volatile boolean closed;

    public SyncAgent(Ledger ledger, SyncApi api, Clock clock, RandomGenerator random, Settings settings) {
        this(ledger, api, clock, random, settings, new MemberKeyStore());
    }

    /** With the member keys kept as {@code keys} says (wrapped by the till's key file). */
    public SyncAgent(Ledger ledger, SyncApi api, Clock clock, RandomGenerator random, Settings settings, MemberKeyStore keys) {
        this(ledger, api, clock, random, settings, keys, null);
    }

    /** With snapshots downloaded through {@code download} (resumed after a cut) before they are installed. */
    public SyncAgent(Ledger ledger, SyncApi api, Clock clock, RandomGenerator random, Settings settings, MemberKeyStore keys,
                     SnapshotDownload download) {
        this.rebuild = new SnapshotRebuild(ledger, api, download, clock, this::progressed);
        this.ledger = ledger;
        this.api = api;
        this.memberKeys = new MemberKeySync(ledger, api, keys, this::progressed);
        this.clock = clock;
        this.random = random;
        this.settings = settings;
        this.pushBatch = settings.pushBatch();
        this.state = new SyncState(SyncStatus.starting(ledger.syncMarks().pendingCount()));
        this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("sync-agent").factory());
        this.listener = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("sync-listen").factory());
    }

    /** The status the screens bind to. */
    public SyncState state() {
        return state;
    }

    public SyncStatus status() {
        return state.current();
    }

    /** Told of every status change (and at once of the current one). */
    public SyncState.Subscription onStatus(Consumer<SyncStatus> listener) {
        return state.subscribe(listener);
    }

    /**
     * Told how a long sync (a snapshot downloaded and installed, many pages pulled) comes along, at once of where it is
     * now, and {@link SyncProgress#IDLE} when it is over; on the agent's thread.
     */
    public void onProgress(Consumer<SyncProgress> listener) {
        progressListeners.add(listener);
        listener.accept(progress);
    }

    public SyncProgress progress() {
        return progress;
    }

    private void progressed(SyncProgress now) {
        progress = now;
        progressListeners.forEach(listener -> listener.accept(now));
    }

    /** Starts syncing in the background, and again soon after every sale the ledger commits. */
    public void start() {
        ledger.onCommit(events -> {
            state.update(s -> s.withWaiting(s.waiting() + events.size()));
            nudge();
        });
        schedule(Duration.ZERO);
    }

    /**
     * Something was recorded: sync in a moment (what else is recorded meanwhile goes in the same push), unless the
     * agent is backing off from a server that is down.
     */
    public synchronized void nudge() {
        if (failures == 0) {
            schedule(settings.pushDelay());
        }
    }

    /** Pushes everything pending, then pulls everything new. Runs on the caller's thread. */
    public Round syncOnce() throws IOException {
        synchronized (roundLock) {
            TillIdentity self = ledger.identity().orElseThrow(() -> new IllegalStateException("this till is not enrolled"));
            List<TillMessage> problems = new ArrayList<>();
            memberKeys.handOver();
            int pushed = pushAll(self, problems);
            int pulled = pullAll(null);
            afterPull();
            return new Round(pushed, pulled, problems);
        }
    }

    /** Runs {@code step} after every pull, with what the pull brought already projected (a feature's own reaction). */
    public void afterEachPull(Runnable step) {
        afterEachPull.add(step);
    }

    /**
     * What follows every pull: the keys of members pulled, the features' own reactions (a transfer received twice
     * taken back), scrubbing after an erasure, the time of the sync.
     */
    private void afterPull() throws IOException {
        memberKeys.fetchMissing();
        afterEachPull.forEach(Runnable::run);
        if (pulledErasure) {
            // An erased member's key was destroyed: leave no older copy of it in the write-ahead log.
            ledger.scrub();
            pulledErasure = false;
        }
        ledger.syncMarks().recordSynced(clock.instant());
    }

    private int pushAll(TillIdentity self, List<TillMessage> problems) throws IOException {
        int pushed = 0;
        while (true) {
            PendingEvents pending = ledger.syncMarks().pending(pushBatch);
            if (pending.isEmpty()) {
                return pushed;
            }
            List<EventEnvelope> events = pending.events();
            if (pending.missingFrom() != null) {
                log.atError().setMessage("sync.push.ledgerLacksEvents").addKeyValue("epoch", pending.epoch())
                        .addKeyValue("missingFrom", pending.missingFrom()).addKeyValue("sentFrom", events.getFirst().tillSeq()).log();
            }
            switch (api.push(new PushRequest(self.tillId(), pending.epoch(), events, pending.missingFrom(), pending.held()))) {
                case SyncApi.Acked acked -> {
                    ledger.syncMarks().acknowledge(pending.epoch(), acked.response().ackedThrough());
                    pushed += acked.response().accepted();
                    checkNotRestored(pending.epoch(), acked.response().ackedThrough(), events, problems);
                    pushBatch = settings.pushBatch();
                }
                case SyncApi.Gap gap -> {
                    log.atWarn().setMessage("sync.push.gap").addKeyValue("epoch", pending.epoch())
                            .addKeyValue("expectedSeq", gap.expectedSeq()).addKeyValue("sentFrom", events.getFirst().tillSeq()).log();
                    ledger.syncMarks().serverHolds(pending.epoch(), gap.expectedSeq() - 1);
                }
                case SyncApi.Conflict conflict -> {
                    log.atError().setMessage("sync.push.quarantined").addKeyValue("epoch", pending.epoch())
                            .addKeyValue("ackedThrough", conflict.ackedThrough()).addKeyValue("detail", conflict.detail()).log();
                    ledger.syncMarks().acknowledge(pending.epoch(), conflict.ackedThrough());
                    problems.add(TillMessage.of(TillMessage.Code.SERVER_SET_EVENTS_APART));
                    checkNotRestored(pending.epoch(), conflict.ackedThrough(), events, problems);
                }
                case SyncApi.Refused refused when refused.status() == 413 && pushBatch > 1 -> pushBatch = Math.max(1, pushBatch / 2);
                case SyncApi.Refused refused -> throw new SyncRefusedException(refused.status(), refused.error());
            }
        }
    }

    /**
     * The server holding more of this epoch than this ledger does means the ledger was restored from a backup:
     * its next sales would reuse sequence numbers the server already holds (they are quarantined, not lost).
     */
    private void checkNotRestored(int epoch, long ackedThrough, List<EventEnvelope> sent, List<TillMessage> problems) {
        if (ackedThrough <= sent.getLast().tillSeq()) {
            return;
        }
        long held = ledger.syncMarks().heldThrough().getOrDefault(epoch, 0L);
        if (ackedThrough > held) {
            TillMessage problem = TillMessage.of(TillMessage.Code.TILL_RESTORED_FROM_BACKUP, ackedThrough, epoch, held);
            log.atError().setMessage("sync.restoredFromBackup").addKeyValue("epoch", epoch)
                    .addKeyValue("serverHolds", ackedThrough).addKeyValue("tillHolds", held).log();
            problems.add(problem);
        }
    }

    /** Pulls from the ledger's cursor until nothing more is there, starting with {@code first} when it was asked already. */
    private int pullAll(SyncApi.PullOutcome first) throws IOException {
        try {
            return pullPages(first);
        } finally {
            if (progress.running()) {
                progressed(SyncProgress.IDLE);
            }
        }
    }

    private int pullPages(SyncApi.PullOutcome first) throws IOException {
        int pulled = 0;
        long cursor = ledger.syncMarks().pullCursor();
        boolean rebuilt = false;
        SyncApi.PullOutcome answer = first;
        while (true) {
            if (answer == null) {
                answer = api.pull(cursor, settings.pullLimit());
            }
            switch (answer) {
                case SyncApi.Pulled(PullResponse response) -> {
                    pulled += ledger.remote().applyPulled(response.events(), response.next());
                    for (EventEnvelope event : response.events()) {
                        pulledErasure |= event.payload() instanceof io.chainpos.model.event.MemberErased;
                        if (event.isUnknown()) {
                            log.atWarn().setMessage("sync.pull.unknownEvent").addKeyValue("type", event.type())
                                    .addKeyValue("version", event.schemaVersion()).addKeyValue("eventId", event.eventId()).log();
                        }
                    }
                    cursor = response.next();
                    if (!response.hasMore()) {
                        return pulled;
                    }
                    progressed(new SyncProgress(SyncProgress.Stage.PULLING, pulled, 0, null));
                }
                case SyncApi.SnapshotNeeded needed -> {
                    if (rebuilt) {
                        throw new IOException("the server asks for a snapshot again right after one: " + needed.detail());
                    }
                    rebuilt = true;
                    pulled += rebuild.rebuild(cursor);
                    cursor = ledger.syncMarks().pullCursor();
                }
            }
            answer = null;
        }
    }

    private void runScheduled() {
        synchronized (this) {
            next = null;
        }
        try {
            Round round = syncOnce();
            long waiting = ledger.syncMarks().pendingCount();
            synchronized (this) {
                failures = 0;
            }
            TillMessage problem = round.problems().isEmpty() ? null : round.problems().getFirst();
            state.update(s -> new SyncStatus(SyncStatus.Connection.ONLINE, clock.instant(), waiting, problem));
            if (waiting > 0) {
                schedule(Duration.ZERO);
            } else if (settings.pullWait().isZero()) {
                schedule(settings.idle());
            } else {
                listen();
            }
        } catch (IOException | RuntimeException e) {
            schedule(failedWith(e));
        }
    }

    /** Holds one pull open on the server, unless one is open already; the rounds carry on beside it. */
    private synchronized void listen() {
        if (listening || closed) {
            return;
        }
        listening = true;
        listener.execute(this::listenOnce);
    }

    /**
     * One held pull. Its answer is taken only if no round moved the cursor meanwhile (that round's pull stands);
     * an answer with nothing that came before {@code idle} (a server that does not hold pulls) waits out the rest
     * of it, so such a server is polled as before. A failure hands over to the rounds and their backoff.
     */
    private void listenOnce() {
        long started = System.nanoTime();
        try {
            long cursor = ledger.syncMarks().pullCursor();
            SyncApi.PullOutcome answer = api.pull(cursor, settings.pullLimit(), settings.pullWait());
            int pulled = 0;
            synchronized (roundLock) {
                if (closed) {
                    return;
                }
                if (ledger.syncMarks().pullCursor() == cursor) {
                    pulled = pullAll(answer);
                    afterPull();
                }
            }
            long waiting = ledger.syncMarks().pendingCount();
            state.update(s -> new SyncStatus(SyncStatus.Connection.ONLINE, clock.instant(), waiting,
                    s.connection() == SyncStatus.Connection.ONLINE ? s.problem() : null));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            Duration pause = pulled == 0 && took.compareTo(settings.idle()) < 0 ? settings.idle().minus(took) : Duration.ZERO;
            listener.schedule(this::listenOnce, pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                listening = false;
            }
            if (!closed) {
                schedule(failedWith(e));
            }
        }
    }

    /** Says why sync failed, in the status and the log, and returns how long to back off. */
    private Duration failedWith(Exception failure) {
        switch (failure) {
            case ServerNotTrustedException e -> {
                log.atError().setMessage("sync.serverNotTrusted").addKeyValue("keyChanged", e.keyChanged()).log();
                failed(SyncStatus.Connection.UNTRUSTED, e.reason());
            }
            case IOException e -> {
                log.atWarn().setMessage("sync.unreachable").addKeyValue("cause", e.toString()).log();
                failed(SyncStatus.Connection.OFFLINE, SyncStatus.problemOf(e));
            }
            case SyncRefusedException e -> {
                log.atError().setMessage("sync.refused").addKeyValue("status", e.status()).addKeyValue("error", e.error().error())
                        .addKeyValue("detail", e.error().detail()).log();
                failed(SyncStatus.Connection.REFUSED, e.reason());
            }
            default -> {
                log.error("sync.failed", failure);
                failed(SyncStatus.Connection.OFFLINE, TillMessage.of(TillMessage.Code.SERVER_FAILED));
            }
        }
        return backoff();
    }

    private void failed(SyncStatus.Connection connection, TillMessage problem) {
        long waiting = ledger.syncMarks().pendingCount();
        state.update(s -> new SyncStatus(connection, s.lastSyncedAt(), waiting, problem));
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

    @Override
    public void close() {
        closed = true;
        api.cancelWaitingPulls();
        listener.shutdownNow();
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
            listener.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
