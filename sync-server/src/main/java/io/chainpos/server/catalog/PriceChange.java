package io.chainpos.server.catalog;

import java.time.Instant;

/** One published price change of a product: the price-list version, from when, the price and member price (minor units). */
public record PriceChange(long listVersion, Instant effectiveFrom, long price, Long memberPrice) {
}
