package io.chainpos.model.loyalty;

import io.chainpos.model.event.LoyaltyRulesPublished;
import java.time.Duration;
import java.time.Instant;

/**
 * The offline limit on redeeming points: while a till linked to a server has not synced for longer than the
 * rules allow, each member may redeem at most {@code offlineRedeemCapPoints} there until it syncs again, so
 * the same points spent at two cut-off stores is bounded. A till with no server has no one to be out of date with.
 */
public final class OfflineCap {
    private OfflineCap() {
    }

    /** The outcome for one redemption. */
    public sealed interface Decision permits Allowed, Capped {
    }

    public record Allowed() implements Decision {
    }

    /** Refused; {@code reason} says why for the cashier, {@code stillAllowed} what may still be redeemed. */
    public record Capped(long stillAllowed, String reason) implements Decision {
    }

    /**
     * @param linked           the till has a sync server
     * @param lastSynced       the last successful sync, null if none yet
     * @param redeemedOffline  points this member already redeemed at this till since then
     */
    public static Decision decide(LoyaltyRulesPublished rules, boolean linked, Instant lastSynced, Instant now,
                                  long redeemedOffline, long requested) {
        if (rules == null || !linked || requested <= 0) {
            return new Allowed();
        }
        Duration allowed = Duration.ofMinutes(rules.offlineAfterMinutes());
        if (lastSynced != null && !Duration.between(lastSynced, now).minus(allowed).isPositive()) {
            return new Allowed();
        }
        long left = Math.max(0, rules.offlineRedeemCapPoints() - redeemedOffline);
        if (requested <= left) {
            return new Allowed();
        }
        String since = lastSynced == null ? "has not synced yet"
                : "has not synced for " + Duration.between(lastSynced, now).toMinutes() + " minutes";
        return new Capped(left, "offline limit: this till " + since + " (limit " + rules.offlineAfterMinutes()
                + " minutes), so a member may redeem at most " + rules.offlineRedeemCapPoints()
                + " points here until it syncs; " + left + " left for this member");
    }
}
