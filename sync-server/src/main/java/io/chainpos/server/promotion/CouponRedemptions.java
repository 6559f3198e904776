package io.chainpos.server.promotion;

import java.util.Collection;
import java.util.Set;

/** The coupon codes sales used, as their tills recorded them (a code is good for one use chain-wide). */
public interface CouponRedemptions {
    /** Those of {@code codes} (upper case, as promotions keep them) some sale used. */
    Set<String> usedAmong(Collection<String> codes);
}
