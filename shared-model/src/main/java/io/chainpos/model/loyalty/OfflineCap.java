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

    /**
     * Refused: {@code stillAllowed} is what may still be used (points, or minor units of stored value) out of
     * {@code cap}; {@code minutesSinceSync} is null when the till has never synced. The till puts it into words.
     */
    public record Capped(long stillAllowed, long cap, int afterMinutes, Long minutesSinceSync) implements Decision {
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
                requested);
    }

    /** The same limit on paying from stored value (amounts in minor units); none when the rules set no limit. */
    public static Decision decideStoredValue(LoyaltyRulesPublished rules, boolean linked, Instant lastSynced, Instant now,
                                             long paidOffline, long requested) {
        if (rules == null || rules.offlineStoredValueCap() == null) {
            return new Allowed();
        }
        return decide(rules.offlineStoredValueCap(), rules.offlineAfterMinutes(), linked, lastSynced, now, paidOffline, requested);
    }

    private static Decision decide(long cap, int afterMinutes, boolean linked, Instant lastSynced, Instant now, long usedOffline,
                                   long requested) {
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
        return new Capped(left, cap, afterMinutes, lastSynced == null ? null : Duration.between(lastSynced, now).toMinutes());
    }
}
