package io.chainpos.model.event;

import io.chainpos.model.id.Sku;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** New prices for some SKUs from {@code effectiveFrom}; a sale records the version it was priced with. */
public record PriceListPublished(long version, Instant effectiveFrom, List<Entry> entries) implements HeadOfficeEvent {

    /** A SKU's price and member price (null: no member price), minor units. */
    public record Entry(Sku sku, long price, Long memberPrice) {
        public Entry {
            Objects.requireNonNull(sku, "sku");
        }
    }

    public PriceListPublished {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
    }
}
