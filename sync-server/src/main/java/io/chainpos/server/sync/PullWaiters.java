package io.chainpos.server.sync;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.StoreId;
import io.chainpos.server.log.EventLog;
import io.chainpos.server.log.LogChanges;
import io.chainpos.server.merge.EventScope;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pulls held open on this server node, by the store whose tills hold them. A waiting pull holds no thread
 * and no database connection: it is a future, completed when events of its scope commit on this node (its
 * store's at once; chain-wide ones from tills, which every till receives, not at all by default, see
 * {@link #DEFAULT_CHAIN_LINGER}; head office's own soon, see {@link #HEAD_OFFICE_GATHER}), when its wait is up, or when the server stops. The
 * woken pulls then read the log on a small pool of their own, never on the thread of the push that woke them.
 * Commits made through other nodes are read from the log every second ({@link #watchOtherNodes}).
 */
public final class PullWaiters implements AutoCloseable {
    /**
     * How long chain-wide events gather before every waiting till is woken for them. By default as long as a pull
     * waits, which means they do not end a wait: they come with the till's next answer (its store's next event, or
     * the end of its wait). Measured: with 10,000 tills on a node, waking them all every 10 s for member sales'
     * points kept the node so busy that a store's sale took 11 s (p50) to reach the next counter.
     */
    public static final Duration DEFAULT_CHAIN_LINGER = HeldPulls.MAX_WAIT;
    /**
     * How long head office's own publications (a price, a promotion, loyalty rules, an erasure) gather before every
     * waiting till is woken for them, whatever the chain linger: they are few, and head office expects them on the
     * counters in seconds, not at the end of each till's wait. A burst (an import published in batches) wakes once.
     */
    public static final Duration HEAD_OFFICE_GATHER = Duration.ofMillis(500);
    /**
     * Threads that read the log for pulls woken by events, and for pulls whose wait is up: apart, so that a sale's
     * wake never queues behind the thousands of waits that end together.
     */
    static final int ANSWERING_THREADS = 2;
    /**
     * The share of a wait by which it may end early, at random ({@link #spread}). Tills whose pulls began together (a
     * node restarted, a network came back, a harness) would otherwise have them end together every 25 s forever: a
     * burst of thousands of answers and new pulls, and a sale whose till of its store is in that burst reaches it only
     * once its new pull is read (measured: seconds). Spread, the ends drift apart in a few rounds.
     */
    static final double SPREAD = 0.2;
    /** How often a node reads the commits of the others by default. */
    public static final Duration DEFAULT_WATCH = Duration.ofSeconds(1);
    /** Further behind than this, the watch wakes every till instead of reading which stores the events are for. */
    private static final long WATCH_WINDOW = 50_000;
    private static final Logger LOG = LoggerFactory.getLogger(PullWaiters.class);

    /** Why a waiting pull was let go. */
    enum Wake { EVENTS, TIME_UP, STOPPING }

    /** What a till had seen before it read the log; a wake it missed between reading and waiting is noticed. */
    record Seen(long store, long chain) {
    }

    private final Duration chainLinger;
    private final RandomGenerator random;
    private final Map<StoreId, Set<CompletableFuture<Wake>>> byStore = new ConcurrentHashMap<>();
    private final Map<StoreId, AtomicLong> storeWakes = new ConcurrentHashMap<>();
    private final AtomicLong chainWakes = new AtomicLong();
    private final AtomicBoolean chainWakePending = new AtomicBoolean();
    private final AtomicBoolean headOfficeWakePending = new AtomicBoolean();
    private final AtomicLong waiting = new AtomicLong();
    private final ScheduledExecutorService timer;
    private final ScheduledExecutorService watcher;
    private final ExecutorService answering;
    private final ExecutorService answeringTimeUps;
    private volatile boolean closed;

    /** {@code random} spreads the ends of waits ({@link #spread}). */
    public PullWaiters(Duration chainLinger, RandomGenerator random) {
        if (chainLinger.isNegative()) {
            throw new IllegalArgumentException("the chain linger cannot be negative: " + chainLinger);
        }
        this.chainLinger = chainLinger;
        this.random = random;
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("pull-timer").factory());
        scheduler.setRemoveOnCancelPolicy(true); // a woken pull's timer goes at once, not after its wait
        this.timer = scheduler;
        this.watcher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("log-watch").factory());
        this.answering = Executors.newFixedThreadPool(ANSWERING_THREADS,
                Thread.ofPlatform().daemon().name("pull-answer-", 1).factory());
        this.answeringTimeUps = Executors.newFixedThreadPool(ANSWERING_THREADS,
                Thread.ofPlatform().daemon().name("pull-time-up-", 1).factory());
    }

    /** The log as before, telling this registry of every commit (pushes and head office's events alike). */
    public EventLog watching(EventLog log) {
        return new WakingEventLog(log, this);
    }

    /**
     * Reads the log's new commits every {@code every} and wakes whom they are for: what other server nodes on the same
     * database (and commands beside the server) committed, which this node is not told of. Its own commits are read
     * again too and wake their tills a second time, which costs each a read that finds nothing new.
     */
    public void watchOtherNodes(EventLog log, Duration every) {
        if (every.isZero() || closed) {
            return;
        }
        AtomicLong seen = new AtomicLong(log.changesAfter(Long.MAX_VALUE, WATCH_WINDOW).head());
        watcher.scheduleWithFixedDelay(() -> {
            try {
                LogChanges changes = log.changesAfter(seen.get(), WATCH_WINDOW);
                seen.set(changes.head());
                changes.stores().forEach(this::wakeStore);
                if (changes.headOffice()) {
                    headOfficeCommitted();
                } else if (changes.chain()) {
                    chainCommitted();
                }
            } catch (RuntimeException e) {
                LOG.atWarn().setMessage("log_watch_failed").addKeyValue("cause", e.toString()).log();
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How long a pull asking to wait {@code wait} is held at most: up to {@link #SPREAD} of it less, at random. */
    Duration spread(Duration wait) {
        long shorter = (long) (wait.toNanos() * SPREAD);
        return shorter <= 0 ? wait : wait.minusNanos(random.nextLong(shorter + 1));
    }

    Seen seen(StoreId store) {
        return new Seen(storeCounter(store).get(), chainWakes.get());
    }

    /**
     * Waits until events for {@code store}'s tills commit, or {@code wait} is up. Returns at once (EVENTS) when
     * a wake came after {@code seen}, and with STOPPING once the server stops.
     */
    CompletableFuture<Wake> await(StoreId store, Seen seen, Duration wait) {
        CompletableFuture<Wake> woken = new CompletableFuture<>();
        if (closed) {
            woken.complete(Wake.STOPPING);
            return woken;
        }
        Set<CompletableFuture<Wake>> waiters = byStore.computeIfAbsent(store, s -> ConcurrentHashMap.newKeySet());
        waiters.add(woken);
        waiting.incrementAndGet();
        woken.whenComplete((wake, failure) -> {
            if (waiters.remove(woken)) {
                waiting.decrementAndGet();
            }
        });
        try {
            ScheduledFuture<?> timeUp = timer.schedule(() -> woken.complete(Wake.TIME_UP), wait.toMillis(), TimeUnit.MILLISECONDS);
            woken.whenComplete((wake, failure) -> timeUp.cancel(false));
        } catch (RejectedExecutionException stopped) {
            woken.complete(Wake.STOPPING);
        }
        // Registered first, checked second: a commit that came in between is seen here or wakes the waiter itself.
        if (!seen.equals(seen(store))) {
            woken.complete(Wake.EVENTS);
        }
        if (closed) {
            woken.complete(Wake.STOPPING);
        }
        return woken;
    }

    /** Events were committed: wake the tills that receive them. */
    void committed(Collection<EventEnvelope> events) {
        Set<StoreId> stores = new HashSet<>();
        boolean chain = false;
        for (EventEnvelope event : events) {
            if (EventScope.of(event) == EventScope.CHAIN) {
                chain = true;
            } else {
                stores.add(event.storeId());
            }
        }
        stores.forEach(this::wakeStore);
        if (chain) {
            chainCommitted();
        }
    }

    /** Head office's events are chain-wide. */
    void chainCommitted() {
        if (chainWaitsForNextAnswer()) {
            return; // no sooner than the waits end by themselves
        }
        if (chainLinger.isZero()) {
            wakeChain();
        } else if (chainWakePending.compareAndSet(false, true)) {
            try {
                timer.schedule(() -> {
                    chainWakePending.set(false);
                    wakeChain();
                }, chainLinger.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                // the server is stopping: its waiting pulls are let go already
            }
        }
    }

    private void wakeStore(StoreId store) {
        storeCounter(store).incrementAndGet();
        Set<CompletableFuture<Wake>> waiters = byStore.get(store);
        if (waiters != null) {
            waiters.forEach(w -> w.complete(Wake.EVENTS));
        }
    }

    /** Head office published: every waiting till is woken once {@link #HEAD_OFFICE_GATHER} has passed. */
    void headOfficeCommitted() {
        if (headOfficeWakePending.compareAndSet(false, true)) {
            try {
                timer.schedule(() -> {
                    headOfficeWakePending.set(false);
                    wakeChain();
                }, HEAD_OFFICE_GATHER.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                // the server is stopping: its waiting pulls are let go already
            }
        }
    }

    private void wakeChain() {
        chainWakes.incrementAndGet();
        byStore.values().forEach(waiters -> waiters.forEach(w -> w.complete(Wake.EVENTS)));
    }

    private AtomicLong storeCounter(StoreId store) {
        return storeWakes.computeIfAbsent(store, s -> new AtomicLong());
    }

    /**
     * Whether tills' chain-wide events come with a till's next answer rather than wake it (the default): then a page of
     * them alone does not end a wait nor start one ({@link HeldPulls}). With a shorter linger they are answered when there.
     */
    boolean chainWaitsForNextAnswer() {
        return chainLinger.compareTo(HeldPulls.MAX_WAIT) >= 0;
    }

    /** Where woken pulls read the log. */
    Executor answering(Wake wake) {
        return wake == Wake.TIME_UP ? answeringTimeUps : answering;
    }

    /** Pulls waiting now. */
    public long waiting() {
        return waiting.get();
    }

    /** Lets every waiting pull go (they answer without reading the log) and stops the timer and the readers. */
    @Override
    public void close() {
        closed = true;
        byStore.values().forEach(waiters -> waiters.forEach(w -> w.complete(Wake.STOPPING)));
        watcher.shutdownNow();
        timer.shutdownNow();
        answering.shutdown();
        answeringTimeUps.shutdown();
        try {
            watcher.awaitTermination(5, TimeUnit.SECONDS); // it reads the database, which closes after the server
            if (!answering.awaitTermination(5, TimeUnit.SECONDS) | !answeringTimeUps.awaitTermination(5, TimeUnit.SECONDS)) {
                answering.shutdownNow();
                answeringTimeUps.shutdownNow();
            }
        } catch (InterruptedException e) {
            answering.shutdownNow();
            answeringTimeUps.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
