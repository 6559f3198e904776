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

    void pushed(TillPrincipal till, String version) {
        activity.pushed(till, clean(version), clock.instant());
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
