package io.chainpos.model.event;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.TopUpId;
import java.util.List;
import java.util.Objects;

/**
 * Stored value bought at a counter (充值): {@code paid} taken by {@code tenders} (cash gives {@code change}),
 * plus {@code bonus} given by rule {@code bonusRule} (充100送20). It belongs to the shift's takings; the
 * member's balance moves by the {@link StoredValueChanged} TOPUP and BONUS deltas recorded with it.
 */
public record StoredValueToppedUp(
        TopUpId topUpId,
        ReceiptNo receiptNo,
        MemberId memberId,
        long paid,
        long bonus,
        String bonusRule,
        List<Tender> tenders,
        long change,
        String cashier) implements LoyaltyEvent {

    public StoredValueToppedUp {
        Objects.requireNonNull(topUpId, "topUpId");
        Objects.requireNonNull(memberId, "memberId");
        tenders = List.copyOf(Objects.requireNonNull(tenders, "tenders"));
        if (paid <= 0 || bonus < 0 || change < 0) {
            throw new IllegalArgumentException("a top-up pays a positive amount and gives no negative bonus");
        }
    }
}
