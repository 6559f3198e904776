package io.chainpos.till.device.printer;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.EventTypes;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.TillIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues a receipt for every sale and refund this till commits. It hears commits from the ledger and does its
 * work on its own thread, so the checkout returns as soon as the sale is durable. A receipt is queued once per
 * event; after a crash between a commit and its queueing, {@link #start} picks up from where the feed was, for
 * sales of the last {@link #CATCH_UP_WINDOW} (older ones are left to a reprint on request).
 */
public final class ReceiptFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReceiptFeed.class);
    private static final List<String> PRINTED_TYPES = List.of(EventTypes.SALE_COMPLETED.name(),
            EventTypes.SALE_REFUNDED.name(), EventTypes.STORED_VALUE_TOPPED_UP.name());

    /** After a crash, receipts of sales this recent still print; older ones would reach no customer. */
    static final Duration CATCH_UP_WINDOW = Duration.ofMinutes(15);

    private final Ledger ledger;
    private final Clock clock;
    private final ReceiptFacts facts;
    private final ReceiptPrinter printer;
    private final PrintJobStore jobs;
    private final ReceiptSources sources;
    private final ExecutorService feeder = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "receipt-feed");
        thread.setDaemon(true);
        return thread;
    });

    public ReceiptFeed(Ledger ledger, ReceiptFacts facts, ReceiptPrinter printer, PrintJobStore jobs,
                       ReceiptSources sources, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
        this.facts = facts;
        this.printer = printer;
        this.jobs = jobs;
        this.sources = sources;
    }

    /** Listens for commits, then queues what was committed but not queued (a first start queues nothing old). */
    public void start() {
        ledger.onCommit(events -> submit(() -> take(events)));
        submit(this::catchUp);
    }

    private void catchUp() {
        TillIdentity self = ledger.identity().orElseThrow(() -> new IllegalStateException("the till is not enrolled"));
        OptionalLong cursor = ledger.read(s -> jobs.feedCursor(s, self.epoch()));
        if (cursor.isEmpty()) {
            long last = sources.lastSeq(self.epoch());
            ledger.writeState(s -> {
                jobs.startFeed(s, self.epoch(), last);
                return null;
            });
            return;
        }
        List<EventEnvelope> missed = sources.ownEventsAfter(self.epoch(), cursor.getAsLong(), PRINTED_TYPES);
        Instant since = clock.instant().minus(CATCH_UP_WINDOW);
        List<EventEnvelope> recent = missed.stream().filter(e -> e.occurredAt().isAfter(since)).toList();
        if (missed.isEmpty()) {
            return;
        }
        log.warn("receipt.feed.catch-up missed={} printing={}", missed.size(), recent.size());
        take(recent);
        EventEnvelope last = missed.getLast();
        ledger.writeState(s -> {
            jobs.skipFeedTo(s, last.tillEpoch(), last.tillSeq());
            return null;
        });
    }

    private void take(List<EventEnvelope> events) {
        for (EventEnvelope event : events) {
            facts.printoutOf(event, null).ifPresent(p -> printer.printOnce(event, p.kind(), p.reference(), p.printout()));
        }
    }

    private void submit(Runnable work) {
        try {
            feeder.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    // the sale is committed whatever happens here; the next start catches the receipt up
                    log.error("receipt.feed.failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("receipt.feed.closed: a commit after close is caught up at the next start");
        }
    }

    @Override
    public void close() {
        feeder.shutdown();
        try {
            if (!feeder.awaitTermination(5, TimeUnit.SECONDS)) {
                feeder.shutdownNow();
            }
        } catch (InterruptedException e) {
            feeder.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
