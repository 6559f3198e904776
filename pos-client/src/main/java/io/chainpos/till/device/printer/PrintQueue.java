package io.chainpos.till.device.printer;

import io.chainpos.till.ledger.Ledger;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The till's print queue: printouts are kept in the till's file before anything is sent, and one background
 * thread sends them, oldest first. Before each job it asks the printer how it is (where the link can answer);
 * when the paper is out, the cover open, the printer unreachable or silent, the jobs wait, the status says so,
 * and the thread tries again every {@code retryEvery} until the printer is back. Nothing here can fail a sale.
 */
public final class PrintQueue implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PrintQueue.class);

    private final Ledger ledger;
    private final PrintJobStore store;
    private final PrinterTransport transport;
    private final boolean readStatus;
    private final Duration retryEvery;
    private final Clock clock;
    private final ScheduledExecutorService worker;
    private final List<Consumer<PrinterStatus>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger drawerPulses = new AtomicInteger();
    private final AtomicBoolean roundPending = new AtomicBoolean();
    private volatile PrinterStatus status;
    private ScheduledFuture<?> retry;

    public PrintQueue(Ledger ledger, PrintJobStore store, PrinterTransport transport, boolean readStatus,
                      Duration retryEvery, Clock clock) {
        this.ledger = ledger;
        this.store = store;
        this.transport = transport;
        this.readStatus = readStatus;
        this.retryEvery = retryEvery;
        this.clock = clock;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "printer");
            thread.setDaemon(true);
            return thread;
        });
        this.status = new PrinterStatus(PrinterCondition.STATUS_UNKNOWN, waitingCount(), "not checked yet", false);
    }

    /** Starts printing: what waited from before a restart goes first, and the printer's status is read. */
    public void start() {
        ledger.writeState(s -> store.forgetPrinted(s, clock.instant().minus(Duration.ofDays(30))));
        wake();
    }

    /** Keeps the job in the till's file, then wakes the printer thread. False when its source event was queued before. */
    public boolean enqueue(PrintJob.New job) {
        boolean added = ledger.writeState(s -> store.add(s, job, clock.instant()));
        if (added) {
            log.debug("print.queued kind={} reference={}", job.kind(), job.reference());
        }
        wake();
        return added;
    }

    /**
     * Kicks the cash drawer through the printer, ahead of any receipt waiting. A kick that cannot be sent now is
     * dropped and reported, never sent later: a drawer springing open minutes after the sale is worse.
     */
    public void kickDrawer() {
        drawerPulses.incrementAndGet();
        wake();
    }

    public PrinterStatus status() {
        return status;
    }

    /** Hears every status change, on the printer thread: hand it to the screen's thread before touching the screen. */
    public void onStatus(Consumer<PrinterStatus> listener) {
        listeners.add(listener);
    }

    public String describe() {
        return transport.describe();
    }

    /** Asks for a printing round; several wakes before the round starts make one round. */
    private void wake() {
        if (!roundPending.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(this::printRound);
        } catch (RejectedExecutionException e) {
            log.debug("print.wake.after-close");
        }
    }

    /** One round: open the printer, kick the drawer if asked, then print while the printer can take jobs. */
    private void printRound() {
        roundPending.set(false);
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
        Optional<PrintJob> job = Optional.empty();
        try (PrinterConnection connection = transport.open()) {
            while (true) {
                int pulses = drawerPulses.getAndSet(0);
                if (pulses > 0) {
                    try {
                        connection.write(EscPosRenderer.drawerPulse());
                    } catch (IOException | RuntimeException e) {
                        // the printer went away between opening and the kick: the hold below reports the drawer shut
                        drawerPulses.addAndGet(pulses);
                        throw e;
                    }
                    log.debug("drawer.kicked");
                }
                job = ledger.read(s -> store.nextWaiting(s));
                PrinterCondition before = readStatus ? PrinterStatusCheck.check(connection) : PrinterCondition.STATUS_UNKNOWN;
                if (!before.canPrint()) {
                    hold(job, before, "the printer reports: " + before.words());
                    return;
                }
                if (job.isEmpty()) {
                    publish(before, "", false);
                    return;
                }
                PrintJob printing = job.get();
                // the status is read before each printout only: a printer answers DLE EOT at once, before it has
                // printed what it buffered, so an answer after the bytes would not say whether they reached paper
                connection.write(printing.document());
                ledger.writeState(s -> {
                    store.markPrinted(s, printing.id(), clock.instant());
                    return null;
                });
                log.debug("print.done kind={} reference={} attempts={}", printing.kind(), printing.reference(),
                        printing.attempts() + 1);
            }
        } catch (PrinterTimeoutException e) {
            hold(job, PrinterCondition.TIMEOUT, e.getMessage());
        } catch (IOException e) {
            hold(job, PrinterCondition.OFFLINE, e.getMessage());
        } catch (RuntimeException e) {
            // a bug or a ledger failure: keep the thread alive for the next round and say so loudly
            log.error("print.round.failed", e);
            hold(job, PrinterCondition.ERROR, "the till could not print: " + e.getMessage());
        }
    }

    private void hold(Optional<PrintJob> job, PrinterCondition condition, String problem) {
        boolean drawerNotOpened = drawerPulses.getAndSet(0) > 0;
        if (drawerNotOpened) {
            log.warn("drawer.not-kicked reason={}", condition);
        }
        try {
            job.ifPresent(j -> ledger.writeState(s -> {
                store.noteProblem(s, j.id(), problem);
                return null;
            }));
        } catch (RuntimeException e) {
            log.error("print.hold.record-failed", e);
        }
        PrinterCondition before = status.condition();
        publish(condition, problem, drawerNotOpened);
        if (before != condition) {
            log.warn("print.held condition={} waiting={} problem={}", condition, status.waiting(), problem);
        }
        try {
            retry = worker.schedule(this::printRound, retryEvery.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("print.retry.after-close");
        }
    }

    private void publish(PrinterCondition condition, String detail, boolean drawerNotOpened) {
        PrinterStatus next = new PrinterStatus(condition, waitingCount(), detail, drawerNotOpened);
        PrinterStatus previous = status;
        status = next;
        if (!next.equals(previous)) {
            listeners.forEach(listener -> listener.accept(next));
        }
    }

    private int waitingCount() {
        return ledger.read(s -> store.waitingCount(s));
    }

    /** Stops the printer thread after the round it is in; waiting jobs stay queued for the next start. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
