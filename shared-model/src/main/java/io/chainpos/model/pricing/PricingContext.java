package io.chainpos.model.pricing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When and for whom a cart is priced: the moment (the caller's clock, never read here), the store's time
 * zone for daily windows and birthday months, the member (null: none) and the coupon codes entered.
 */
public record PricingContext(Instant at, ZoneId zone, Shopper shopper, Set<String> couponCodes) {
    public PricingContext {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
        couponCodes = couponCodes == null ? Set.of()
                : couponCodes.stream().map(c -> c.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
