package io.chainpos.till.loyalty;

import io.chainpos.model.event.DrawerOpened;
import io.chainpos.model.event.StoredValueChanged;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.event.TopUpRefunded;
import io.chainpos.model.loyalty.StoredValue;
import io.chainpos.model.sale.Tendering;
import io.chainpos.till.TillMessage;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.shift.ShiftStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gives back a top-up that was not spent, in the store that took it: the paid money goes back to the tenders
 * it came from (cash net of change), and its bonus is withdrawn, never paid out. "Not spent" is judged on the
 * member's balance: paid money is spent first, so the top-up is unspent while the paid part still covers it.
 */
public final class RefundTopUp {

    public sealed interface Result permits Refunded, Refused {
    }

    public record Refunded(TopUpRefunded refund, StoredValue balance) implements Result {
    }

    public record Refused(TillMessage reason) implements Result {
    }

    private final Ledger ledger;
    private final LoyaltyStore loyalty;
    private final BalanceStore balances;
    private final ShiftStore shifts;

    public RefundTopUp(Ledger ledger, LoyaltyStore loyalty, BalanceStore balances, ShiftStore shifts) {
        this.ledger = ledger;
        this.loyalty = loyalty;
        this.balances = balances;
        this.shifts = shifts;
    }

    /** Refunds the top-up with this receipt number (or id). */
    public Result refund(String receiptOrId, String cashier) {
        return ledger.write(tx -> {
            if (shifts.current(tx).isEmpty()) {
                return new Refused(TillMessage.of(TillMessage.Code.SHIFT_NEEDED_TO_REFUND));
            }
            Optional<LoyaltyStore.TopUpRecord> found = loyalty.topUp(tx, receiptOrId == null ? "" : receiptOrId);
            if (found.isEmpty()) {
                return new Refused(TillMessage.of(TillMessage.Code.NO_TOP_UP, receiptOrId));
            }
            LoyaltyStore.TopUpRecord topUp = found.get();
            if (topUp.refunded()) {
                return new Refused(TillMessage.of(TillMessage.Code.TOP_UP_ALREADY_REFUNDED, receiptOrId));
            }
            StoredValue balance = balances.storedValueParts(tx, topUp.memberId());
            if (balance.paid() < topUp.paid()) {
                return new Refused(TillMessage.of(TillMessage.Code.TOP_UP_SPENT, io.chainpos.model.money.Money.cny(balance.paid()),
                        io.chainpos.model.money.Money.cny(topUp.paid())));
            }
            long bonusBack = Math.min(topUp.bonus(), Math.max(0, balance.bonus()));
            List<Tender> back = new ArrayList<>();
            long[] kept = Tendering.kept(topUp.tenders(), topUp.change());
            for (int i = 0; i < kept.length; i++) {
                if (kept[i] > 0) {
                    Tender original = topUp.tenders().get(i);
                    back.add(new Tender(original.method(), kept[i], original.reference()));
                }
            }
            TopUpRefunded refund = new TopUpRefunded(topUp.topUpId(), topUp.memberId(), topUp.paid(), bonusBack, back, cashier, null);
            tx.append(refund);
            tx.append(new StoredValueChanged(topUp.memberId(), -topUp.paid(), StoredValueChanged.Reason.REFUND, null, 0,
                    topUp.topUpId()));
            if (bonusBack > 0) {
                tx.append(new StoredValueChanged(topUp.memberId(), -bonusBack, StoredValueChanged.Reason.ADJUST, null, -bonusBack,
                        topUp.topUpId()));
            }
            if (back.stream().anyMatch(t -> t.method() == TenderMethod.CASH)) {
                tx.append(new DrawerOpened(DrawerOpened.Reason.CASH_REFUND, null, cashier, null));
            }
            return new Refunded(refund, balances.storedValueParts(tx, topUp.memberId()));
        });
    }
}
