package io.chainpos.server.messaging;

import java.util.Optional;

/**
 * What head office sets for the scheduled messages on the messages pages: the stored value (minor units) below which
 * a member is told it runs low (none: nobody is), and the coupon promotion a birthday greeting gives a code of
 * (none: the greeting has no code).
 */
public interface MessageSettings {
    /** The settings as they stand. */
    record Values(Optional<Long> storedValueLowBelow, Optional<String> birthdayCouponPromotion) {
    }

    Values values();

    /**
     * Keeps new settings. A changed threshold starts the stored-value watch afresh, so moving it tells nobody at once:
     * a member is told when a day's run sees them fall below the threshold they were seen above.
     */
    void save(Values values, String by);
}
