package io.chainpos.till.ui.sale;

/** The sale just paid, as the sale screen recalls it until the next: receipt number, total and change (fen). */
public record LastSale(String receiptNo, long total, long change, long pointsEarned) {
}
