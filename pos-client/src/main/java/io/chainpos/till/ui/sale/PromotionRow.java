package io.chainpos.till.ui.sale;

/** A promotion applied to the sale, as the receipt will name it, with what it took off (fen). */
public record PromotionRow(String name, long amount) {
}
