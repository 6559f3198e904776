package io.chainpos.model.event;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.TopUpId;
import java.util.List;
import java.util.Objects;

/**
 * An unspent top-up given back: {@code paidRefunded} returned by {@code tenders}; its bonus is withdrawn
 * ({@code bonusForfeited}), never paid out. The balance moves by the REFUND and ADJUST deltas recorded with it.
 */
public record TopUpRefunded(
        TopUpId topUpId,
        MemberId memberId,
        long paidRefunded,
        long bonusForfeited,
        List<Tender> tenders,
        String cashier,
        String approvedBy) implements LoyaltyEvent {

    public TopUpRefunded {
        Objects.requireNonNull(topUpId, "topUpId");
        Objects.requireNonNull(memberId, "memberId");
        tenders = List.copyOf(Objects.requireNonNull(tenders, "tenders"));
    }
}
