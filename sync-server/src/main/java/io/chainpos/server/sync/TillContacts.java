package io.chainpos.server.sync;

import io.chainpos.model.id.TillId;
import io.chainpos.server.auth.TillPrincipal;
import io.chainpos.server.log.PullPage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each till's contact as sync answers it, without making the answer wait: contacts are gathered in memory and
 * written together every {@link #WRITTEN_EVERY} by a thread of their own (one transaction for all the tills heard from
 * meanwhile, each till's latest push and pull), and at once before the tills pages read them ({@link #flush}). A push
 * then costs the database one transaction, its own. Every push is recorded; an idle till's held pull is answered at
 * least every 25 s, so a pull that changes nothing the tills page shows (same cursor, same lag, same version) is
 * recorded at most once a {@link #QUIET_PULLS} per server node, which still keeps "online" true to the minute.
 */
public final class TillContacts implements AutoCloseable {
    /** How often a pull that changed nothing is recorded. */
    public static final Duration QUIET_PULLS = Duration.ofSeconds(60);
    /** How often the gathered contacts are written: what another node's tills page may lag this node's by. */
    public static final Duration WRITTEN_EVERY = Duration.ofSeconds(1);
    /** The longest app version kept; more is cut. */
    static final int MAX_VERSION = 64;
    private static final Logger LOG = LoggerFactory.getLogger(TillContacts.class);

    private record Recorded(long next, long lag, String version, Instant at) {
    }

    private final TillActivity activity;
    private final Clock clock;
    private final Map<TillId, Recorded> lastPulls = new ConcurrentHashMap<>();
    private final Map<TillId, TillActivity.Pushed> pushes = new ConcurrentHashMap<>();
    private final Map<TillId, TillActivity.Pulled> pulls = new ConcurrentHashMap<>();
    /** One batch written at a time, so a till's contacts are written in the order they came. */
    private final ReentrantLock writing = new ReentrantLock();
    private final Thread writer;
    private volatile boolean closed;

    /** Contacts written by a thread of their own every {@code every}, and by {@link #flush}. */
    public TillContacts(TillActivity activity, Clock clock, Duration every) {
        this.activity = activity;
        this.clock = clock;
        this.writer = Thread.ofPlatform().daemon().name("till-contacts").start(() -> writeEvery(every));
    }

    /**
     * A push answered, with what it said of how far the till's ledger goes and the receipts it brought.
     * {@code stored} is false for a push nothing of which was taken (a gap, a refusal): its receipts were not received;
     * {@code trusted} is false for one whose body is not the till's to say (another till's events).
     */
    void pushed(TillPrincipal till, String version, PushBody body, boolean stored, boolean trusted) {
        TillActivity.Held held = trusted ? held(body, stored) : null;
        TillActivity.Pushed push = new TillActivity.Pushed(till, clean(version), clock.instant(), held == null ? List.of() : List.of(held));
        pushes.merge(till.tillId(), push, TillContacts::then);
    }

    /** Two pushes of a till not yet written: the later one's contact, with what both said of each epoch. */
    private static TillActivity.Pushed then(TillActivity.Pushed earlier, TillActivity.Pushed later) {
        Map<Integer, TillActivity.Held> byEpoch = new java.util.TreeMap<>();
        for (TillActivity.Held held : earlier.held()) {
            byEpoch.put(held.epoch(), held);
        }
        for (TillActivity.Held held : later.held()) {
            byEpoch.merge(held.epoch(), held, TillActivity.Held::and);
        }
        return new TillActivity.Pushed(later.till(), later.version() != null ? later.version() : earlier.version(), later.at(),
                List.copyOf(byEpoch.values()));
    }

    private static TillActivity.Held held(PushBody body, boolean stored) {
        long received = 0;
        if (stored) {
            for (io.chainpos.server.log.IncomingEvent event : body.events()) {
                io.chainpos.model.id.ReceiptNo receipt = switch (event.envelope().payload()) {
                    case io.chainpos.model.event.SaleCompleted sale -> sale.receiptNo();
                    case io.chainpos.model.event.StoredValueToppedUp topUp -> topUp.receiptNo();
                    default -> null;
                };
                if (receipt != null) {
                    received = Math.max(received, receipt.numberIn(body.tillId(), body.tillEpoch()));
                }
            }
        }
        io.chainpos.model.sync.PushRequest.Held held = body.held();
        if (held == null && received <= 0) {
            return null;
        }
        long last = 0;
        if (held != null && held.lastReceipt() != null) {
            try {
                last = Math.max(0, io.chainpos.model.id.ReceiptNo.of(held.lastReceipt()).numberIn(body.tillId(), body.tillEpoch()));
            } catch (IllegalArgumentException notAReceiptNumber) {
                // said wrongly: the seq alone still says what is missing
            }
        }
        return new TillActivity.Held(body.tillEpoch(), held == null ? 0 : held.throughSeq(), last, Math.max(0, received));
    }

    void pulled(TillPrincipal till, String version, long after, PullPage page) {
        Instant now = clock.instant();
        String cleaned = clean(version);
        long lag = Math.max(0, page.newest() - after);
        Recorded previous = lastPulls.get(till.tillId());
        if (previous != null && previous.next() == page.next() && previous.lag() == lag
                && Objects.equals(previous.version(), cleaned) && now.isBefore(previous.at().plus(QUIET_PULLS))) {
            return;
        }
        pulls.put(till.tillId(), new TillActivity.Pulled(till, cleaned, after, page.next(), page.newest(), now));
        lastPulls.put(till.tillId(), new Recorded(page.next(), lag, cleaned, now));
    }

    /**
     * Writes the contacts gathered so far (the tills pages call it before they read). When the write fails they stay
     * gathered, under any that came since, and the next write tries them again.
     */
    public void flush() {
        writing.lock();
        try {
            List<TillActivity.Pushed> pushed = drain(pushes);
            List<TillActivity.Pulled> pulled = drain(pulls);
            if (pushed.isEmpty() && pulled.isEmpty()) {
                return;
            }
            try {
                activity.record(pushed, pulled);
            } catch (RuntimeException e) {
                for (TillActivity.Pushed push : pushed) {
                    pushes.merge(push.till().tillId(), push, (newer, older) -> then(older, newer));
                }
                for (TillActivity.Pulled pull : pulled) {
                    pulls.merge(pull.till().tillId(), pull, (newer, older) -> newer);
                }
                throw e;
            }
        } finally {
            writing.unlock();
        }
    }

    private static <T> List<T> drain(Map<TillId, T> gathered) {
        List<T> taken = new ArrayList<>();
        for (TillId till : gathered.keySet()) {
            T contact = gathered.remove(till);
            if (contact != null) {
                taken.add(contact);
            }
        }
        return taken;
    }

    private void writeEvery(Duration every) {
        while (!closed) {
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return; // closing: close() writes what is left
            }
            flushOrLog();
        }
    }

    /**
     * {@link #flush}, a failure logged instead of thrown: the contacts stay gathered for the next write, and a tills page
     * reading after it shows what was written before (a full disk does not take the page down).
     */
    public void flushOrLog() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.atWarn().setMessage("till_contacts_not_written").addKeyValue("pushes", pushes.size())
                    .addKeyValue("pulls", pulls.size()).setCause(e).log();
        }
    }

    /** Stops the writing thread and writes what is left; a failed last write is logged, so the server's closing goes on. */
    @Override
    public void close() {
        closed = true;
        writer.interrupt();
        try {
            writer.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushOrLog();
    }

    /** What the till said it runs, as printable text of a sensible length; null when it said nothing. */
    static String clean(String version) {
        if (version == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder();
        version.strip().codePoints().filter(c -> c >= 0x20 && c < 0x7f).limit(MAX_VERSION).forEach(kept::appendCodePoint);
        return kept.isEmpty() ? null : kept.toString();
    }
}
