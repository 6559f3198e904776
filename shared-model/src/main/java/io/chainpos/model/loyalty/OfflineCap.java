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
        if (rules == null) {
            return new Allowed();
        }
        return decide(rules.offlineRedeemCapPoints(), rules.offlineAfterMinutes(), linked, lastSynced, now, redeemedOffline,
                requested, "redeem at most " + rules.offlineRedeemCapPoints() + " points", String::valueOf);
    }

    /** The same limit on paying from stored value (amounts in minor units); none when the rules set no limit. */
    public static Decision decideStoredValue(LoyaltyRulesPublished rules, boolean linked, Instant lastSynced, Instant now,
                                             long paidOffline, long requested) {
        if (rules == null || rules.offlineStoredValueCap() == null) {
            return new Allowed();
        }
        java.util.function.LongFunction<String> yuan = fen -> io.chainpos.model.money.Money.cny(fen).toDecimalString();
        return decide(rules.offlineStoredValueCap(), rules.offlineAfterMinutes(), linked, lastSynced, now, paidOffline, requested,
                "pay at most " + yuan.apply(rules.offlineStoredValueCap()) + " from stored value", yuan);
    }

    private static Decision decide(long cap, int afterMinutes, boolean linked, Instant lastSynced, Instant now, long usedOffline,
                                   long requested, String limit, java.util.function.LongFunction<String> show) {
        if (!linked || requested <= 0) {
            return new Allowed();
        }
        Duration allowed = Duration.ofMinutes(afterMinutes);
        if (lastSynced != null && !Duration.between(lastSynced, now).minus(allowed).isPositive()) {
            return new Allowed();
        }
        long left = Math.max(0, cap - usedOffline);
        if (requested <= left) {
            return new Allowed();
        }
        String since = lastSynced == null ? "has not synced yet"
                : "has not synced for " + Duration.between(lastSynced, now).toMinutes() + " minutes";
        return new Capped(left, "offline limit: this till " + since + " (limit " + afterMinutes
                + " minutes), so a member may " + limit + " here until it syncs; " + show.apply(left) + " left for this member");
    }
}
