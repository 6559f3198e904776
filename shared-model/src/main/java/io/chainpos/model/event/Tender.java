package io.chainpos.model.event;

import java.util.Objects;

/** One payment within a sale or refund, in minor units; {@code reference} is a wallet or card reference, or null. */
public record Tender(TenderMethod method, long amount, String reference) {
    public Tender {
        Objects.requireNonNull(method, "method");
    }
}
