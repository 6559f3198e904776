package io.chainpos.server.sync;

import io.chainpos.model.id.TillId;
import io.chainpos.server.auth.TillPrincipal;
import io.chainpos.server.log.PullPage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records each till's contact as sync answers it. Every push is recorded (it writes anyway); an idle till's held
 * pull is answered at least every 25 s, so a pull that changes nothing the tills page shows (same cursor, same lag,
 * same version) is recorded at most once a {@link #QUIET_PULLS} per server node, which still keeps "online" true to
 * the minute.
 */
public final class TillContacts {
    /** How often a pull that changed nothing is recorded. */
    public static final Duration QUIET_PULLS = Duration.ofSeconds(60);
    /** The longest app version kept; more is cut. */
    static final int MAX_VERSION = 64;

    private record Recorded(long next, long lag, String version, Instant at) {
    }

    private final TillActivity activity;
    private final Clock clock;
    private final Map<TillId, Recorded> lastPulls = new ConcurrentHashMap<>();

    public TillContacts(TillActivity activity, Clock clock) {
        this.activity = activity;
        this.clock = clock;
    }

    /**
     * A push answered, with what it said of how far the till's ledger goes and the receipts it brought (one write).
     * {@code stored} is false for a push nothing of which was taken (a gap, a refusal): its receipts were not received;
     * {@code trusted} is false for one whose body is not the till's to say (another till's events).
     */
    void pushed(TillPrincipal till, String version, PushBody body, boolean stored, boolean trusted) {
        activity.pushed(till, clean(version), clock.instant(), trusted ? held(body, stored) : null);
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
        activity.pulled(till, cleaned, after, page.next(), page.newest(), now);
        lastPulls.put(till.tillId(), new Recorded(page.next(), lag, cleaned, now));
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
