package io.chainpos.server.sales;

import java.time.Instant;
import java.util.List;

/**
 * A sale or refund as head office sees it: the receipt (a refund names its sale's), when, the total (minor units of
 * {@code currency}), what was refunded of a sale since, whether a member bought, and the tenders.
 */
public record SaleSeen(String docId, Kind kind, String storeId, String tillId, String receiptNo, Instant at, long total,
                       long refunded, String currency, boolean member, List<TenderPaid> tenders) {

    public enum Kind { SALE, REFUND }

    /** One tender: its method's name ({@code CASH}, {@code POINTS}...) and amount. */
    public record TenderPaid(String method, long amount) {
    }

    public SaleSeen {
        tenders = List.copyOf(tenders);
    }
}
