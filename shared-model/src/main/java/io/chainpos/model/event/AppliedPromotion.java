package io.chainpos.model.event;

import java.util.Objects;

/** A promotion as the receipt names it, with the amount it took off (minor units, positive). */
public record AppliedPromotion(String code, String name, long amount) {
    public AppliedPromotion {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
