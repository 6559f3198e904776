package io.chainpos.model.event;

import java.util.Objects;

/**
 * What a stocktake counts: the whole store, one category (its code) or one shelf (a label the store writes on it).
 * A shelf's products are only those counted on it, since no list says what stands where.
 */
public record StocktakeScope(Kind kind, String label) {

    public enum Kind { STORE, CATEGORY, SHELF }

    public StocktakeScope {
        Objects.requireNonNull(kind, "kind");
        label = label == null || label.isBlank() ? null : label.strip();
        if (kind == Kind.STORE && label != null) {
            throw new IllegalArgumentException("a whole-store stocktake has no label: " + label);
        }
        if (kind != Kind.STORE && label == null) {
            throw new IllegalArgumentException("a " + kind + " stocktake names its " + kind.name().toLowerCase());
        }
    }

    public static StocktakeScope wholeStore() {
        return new StocktakeScope(Kind.STORE, null);
    }
}
