package io.chainpos.till.loyalty;

import io.chainpos.model.event.DrawerOpened;
import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.event.StoredValueChanged;
import io.chainpos.model.event.StoredValueToppedUp;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.TopUpId;
import io.chainpos.model.loyalty.StoredValue;
import io.chainpos.model.sale.Tendering;
import io.chainpos.till.TillMessage;
import io.chainpos.till.catalog.CatalogStore;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.LedgerTransaction;
import io.chainpos.till.member.MemberStore;
import io.chainpos.till.shift.ShiftStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sells stored value (充值) to a member at the counter, in one transaction: paid by tenders like a sale
 * (cash gives change and opens the drawer), inside an open shift so it is in the X and Z figures, with the
 * bonus the rules give (充100送20) kept apart from the paid money.
 */
public final class TopUp {
    private static final Set<TenderMethod> MONEY = Set.of(TenderMethod.CASH, TenderMethod.BANK_CARD, TenderMethod.MOBILE_WALLET);

    /** What the cashier entered: the amount to put on the card (minor units) and how it is paid. */
    public record Request(MemberId member, long amount, List<Tender> tenders, String cashier) {
        public Request {
            tenders = List.copyOf(tenders);
        }
    }

    /** The outcome the screen shows. */
    public sealed interface Result permits ToppedUp, Rejected {
    }

    /** Recorded; {@code balance} is the member's stored value after it, in its paid and bonus parts. */
    public record ToppedUp(StoredValueToppedUp topUp, StoredValue balance) implements Result {
    }

    /** Nothing was recorded; {@code reason} is for the cashier. */
    public record Rejected(TillMessage reason) implements Result {
    }

    private final Ledger ledger;
    private final MemberStore members;
    private final BalanceStore balances;
    private final ShiftStore shifts;
    private final CatalogStore catalog;
    private final Clock clock;

    public TopUp(Ledger ledger, MemberStore members, BalanceStore balances, ShiftStore shifts, CatalogStore catalog, Clock clock) {
        this.ledger = ledger;
        this.members = members;
        this.balances = balances;
        this.shifts = shifts;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The bonus a top-up of {@code amount} would get now: for the screen before paying. */
    public Optional<LoyaltyRulesPublished.TopUpBonus> bonusFor(long amount) {
        return ledger.read(s -> StoredValue.bonusFor(catalog.loyaltyRules(s, clock.instant()).orElse(null), amount));
    }

    public Result topUp(Request request) {
        if (request.amount() <= 0) {
            return new Rejected(TillMessage.of(TillMessage.Code.TOP_UP_NOT_POSITIVE));
        }
        if (request.tenders().isEmpty()) {
            return new Rejected(TillMessage.of(TillMessage.Code.TOP_UP_TENDER_NEEDED));
        }
        if (request.tenders().stream().anyMatch(t -> !MONEY.contains(t.method()))) {
            return new Rejected(TillMessage.of(TillMessage.Code.TOP_UP_TENDER_METHOD));
        }
        return ledger.write(tx -> {
            if (shifts.current(tx).isEmpty()) {
                return new Rejected(TillMessage.of(TillMessage.Code.SHIFT_NEEDED_TO_TOP_UP));
            }
            if (request.member() == null || members.findById(tx, request.member()).isEmpty()) {
                return new Rejected(TillMessage.of(TillMessage.Code.MEMBER_UNKNOWN));
            }
            MemberId member = members.findById(tx, request.member()).orElseThrow().memberId();
            return switch (Tendering.settle(request.amount(), request.tenders())) {
                case Tendering.Refused refused -> new Rejected(TillMessage.tendering(refused));
                case Tendering.Settled settled -> record(tx, request, member, settled);
            };
        });
    }

    private Result record(LedgerTransaction tx, Request request, MemberId member, Tendering.Settled settled) {
        Optional<LoyaltyRulesPublished.TopUpBonus> bonus = StoredValue.bonusFor(catalog.loyaltyRules(tx, tx.now()).orElse(null),
                request.amount());
        long bonusAmount = bonus.map(LoyaltyRulesPublished.TopUpBonus::bonus).orElse(0L);
        TopUpId id = TopUpId.newId(clock);
        ReceiptNo receiptNo = ReceiptNo.numbered(tx.identity().tillId(), tx.identity().epoch(),
                tx.nextNumber("receipt." + tx.identity().epoch()));
        StoredValueToppedUp topUp = new StoredValueToppedUp(id, receiptNo, member, request.amount(), bonusAmount,
                bonus.map(LoyaltyRulesPublished.TopUpBonus::name).orElse(null), request.tenders(), settled.change(),
                request.cashier());
        tx.append(topUp);
        tx.append(new StoredValueChanged(member, request.amount(), StoredValueChanged.Reason.TOPUP, null, 0, id));
        if (bonusAmount > 0) {
            tx.append(new StoredValueChanged(member, bonusAmount, StoredValueChanged.Reason.BONUS, null, bonusAmount, id));
        }
        if (settled.of(TenderMethod.CASH) > 0) {
            tx.append(new DrawerOpened(DrawerOpened.Reason.CASH_SALE, null, request.cashier(), null));
        }
        return new ToppedUp(topUp, balances.storedValueParts(tx, member));
    }
}
