package io.chainpos.model.pricing;

import java.time.LocalDate;

/** The member on a sale as pricing needs them: tier code and birthday (either may be null). */
public record Shopper(String tierCode, LocalDate birthday) {
}
