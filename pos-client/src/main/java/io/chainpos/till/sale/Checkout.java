package io.chainpos.till.sale;

import io.chainpos.model.event.CouponRedeemed;
import io.chainpos.model.event.DrawerOpened;
import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.StoredValueChanged;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.loyalty.StoredValue;
import io.chainpos.model.money.Money;
import io.chainpos.model.pricing.CartItem;
import io.chainpos.model.pricing.PricedSale;
import io.chainpos.model.pricing.PricingContext;
import io.chainpos.model.pricing.PricingEngine;
import io.chainpos.model.pricing.PricingRules;
import io.chainpos.model.promotion.Promotion;
import io.chainpos.model.promotion.Rule;
import io.chainpos.model.sale.Tendering;
import io.chainpos.till.TillMessage;
import io.chainpos.till.catalog.CatalogStore;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.LedgerSession;
import io.chainpos.till.ledger.LedgerTransaction;
import io.chainpos.till.loyalty.BalanceStore;
import io.chainpos.till.loyalty.LoyaltyAtCheckout;
import io.chainpos.till.member.Member;
import io.chainpos.till.member.MemberStore;
import io.chainpos.till.shift.ShiftStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Completes a sale in one ledger transaction, for the cashier's {@link SaleSession}: prices the cart with the
 * promotions in effect, checks the open shift, the tenders, the member's points and stored value and the coupons, then records the sale with
 * its stock movements, points, stored value, coupon use and the drawer opening for cash, all or nothing.
 */
public final class Checkout {

    /** A cart ready to pay: items as priced when scanned, the newest price-list version among them. */
    public record Order(List<CartItem> items, long priceListVersion, MemberId member, Set<String> coupons,
                        List<Tender> tenders, String cashier) {
        public Order {
            items = List.copyOf(items);
            coupons = coupons == null ? Set.of() : Set.copyOf(coupons);
            tenders = List.copyOf(tenders);
        }
    }

    public sealed interface Result permits Completed, Rejected {
    }

    /** Recorded; {@code tierUpgrade} is the tier change this sale brought the member, or null. */
    public record Completed(SaleCompleted sale, long pointsEarned, io.chainpos.model.event.MemberTierChanged tierUpgrade)
            implements Result {
    }

    /** Nothing was recorded; {@code reason} is for the cashier. */
    public record Rejected(TillMessage reason) implements Result {
    }

    private final Ledger ledger;
    private final CatalogStore catalog;
    private final MemberStore members;
    private final BalanceStore balances;
    private final ShiftStore shifts;
    private final SaleStore sales;
    private final ScanCode scanCode;
    private final LoyaltyAtCheckout loyalty;
    private final PricingInputs inputs;
    private final SellingSettings settings;
    private final Clock clock;

    public Checkout(Ledger ledger, CatalogStore catalog, MemberStore members, BalanceStore balances, ShiftStore shifts,
                    SaleStore sales, LoyaltyAtCheckout loyalty, SellingSettings settings, Clock clock) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.members = members;
        this.balances = balances;
        this.shifts = shifts;
        this.sales = sales;
        this.scanCode = new ScanCode(catalog, members, settings.scale());
        this.loyalty = loyalty;
        this.inputs = new PricingInputs(catalog, settings);
        this.settings = settings;
        this.clock = clock;
    }

    /** Prices a cart as the sale would, recording nothing: for the screen while ringing up. */
    public PricedSale quote(List<CartItem> items, MemberId member, Set<String> coupons) {
        return ledger.read(session -> {
            java.time.Instant now = clock.instant();
            Member known = member == null ? null : members.findById(session, member).map(m -> loyalty.current(session, m)).orElse(null);
            return PricingEngine.price(items, inputs.rules(session, now), inputs.context(now, known, coupons));
        });
    }

    /**
     * Records a paid order: the one commit every sale goes through, from the {@link SaleSession} the screens and the
     * command line drive (and the benchmark, which times exactly this).
     */
    public Result complete(Order order) {
        if (order.items().isEmpty()) {
            return new Rejected(TillMessage.of(TillMessage.Code.SALE_HAS_NO_LINES));
        }
        return ledger.write(tx -> complete(tx, order));
    }

    private Result complete(LedgerTransaction tx, Order order) {
        if (shifts.current(tx).isEmpty()) {
            return new Rejected(TillMessage.of(TillMessage.Code.SHIFT_NEEDED_TO_SELL));
        }
        Member member = null;
        if (order.member() != null) {
            Optional<Member> known = members.findById(tx, order.member());
            if (known.isEmpty()) {
                return new Rejected(TillMessage.of(TillMessage.Code.MEMBER_UNKNOWN));
            }
            member = loyalty.current(tx, known.get());
        }
        PricingRules rules = inputs.rules(tx, tx.now());
        PricingContext context = inputs.context(tx.now(), member, order.coupons());
        PricedSale priced = PricingEngine.price(order.items(), rules, context);
        Map<String, String> couponsUsed = new LinkedHashMap<>(); // code -> promotion code
        for (String code : context.couponCodes()) {
            Optional<Promotion> coupon = PricingEngine.applicable(rules, context).stream()
                    .filter(p -> p.rule() instanceof Rule.Coupon c && c.accepts(code)).findFirst();
            if (coupon.isEmpty()) {
                return new Rejected(TillMessage.of(TillMessage.Code.COUPON_NOT_VALID, code));
            }
            if (sales.couponUsed(tx, code)) {
                return new Rejected(TillMessage.of(TillMessage.Code.COUPON_USED, code));
            }
            if (priced.steps().stream().anyMatch(s -> s.code().equals(coupon.get().code()))) {
                couponsUsed.put(code, coupon.get().code());
            }
        }
        for (Tender tender : order.tenders()) {
            if (tender.method() == TenderMethod.COUPON && tender.reference() != null && (sales.couponUsed(tx, tender.reference())
                    || couponsUsed.containsKey(tender.reference()))) {
                return new Rejected(TillMessage.of(TillMessage.Code.COUPON_USED, tender.reference()));
            }
        }
        Tendering.Outcome outcome = Tendering.settle(priced.total(), order.tenders());
        if (outcome instanceof Tendering.Refused refused) {
            return new Rejected(TillMessage.tendering(refused));
        }
        Tendering.Settled settled = (Tendering.Settled) outcome;
        return pay(tx, order, member, priced, settled, couponsUsed);
    }

    private Result pay(LedgerTransaction tx, Order order, Member member, PricedSale priced, Tendering.Settled settled,
                       Map<String, String> couponsUsed) {
        long pointsTender = settled.of(TenderMethod.POINTS);
        long storedValueTender = settled.of(TenderMethod.STORED_VALUE);
        if ((pointsTender > 0 || storedValueTender > 0) && member == null) {
            return new Rejected(TillMessage.of(TillMessage.Code.POINTS_NEED_MEMBER));
        }
        LoyaltyRulesPublished rules = catalog.loyaltyRules(tx, tx.now()).orElse(null);
        long fenPerPoint = rules == null ? 1 : Math.max(1, rules.fenPerPointRedeemed());
        long pointsToRedeem = 0;
        if (pointsTender > 0) {
            if (pointsTender % fenPerPoint != 0) {
                return new Rejected(TillMessage.of(TillMessage.Code.POINTS_PAY_IN_STEPS, Money.cny(fenPerPoint)));
            }
            pointsToRedeem = pointsTender / fenPerPoint;
            long available = balances.points(tx, member.memberId());
            if (pointsToRedeem > available) {
                return new Rejected(TillMessage.of(TillMessage.Code.POINTS_SHORT, available, pointsToRedeem));
            }
            Optional<TillMessage> capped = loyalty.redeemRefusal(tx, member.memberId(), pointsToRedeem, tx.now());
            if (capped.isPresent()) {
                return new Rejected(capped.get());
            }
        }
        // Paid stored value is spent first, bonus last.
        StoredValue.Split storedValueSplit = new StoredValue.Split(0, 0);
        if (storedValueTender > 0) {
            Optional<StoredValue.Split> split = balances.storedValueParts(tx, member.memberId()).spend(storedValueTender);
            if (split.isEmpty()) {
                return new Rejected(TillMessage.of(TillMessage.Code.STORED_VALUE_SHORT));
            }
            storedValueSplit = split.get();
            Optional<TillMessage> capped = loyalty.storedValueRefusal(tx, member.memberId(), storedValueTender, tx.now());
            if (capped.isPresent()) {
                return new Rejected(capped.get());
            }
        }
        SaleId saleId = SaleId.newId(clock);
        ReceiptNo receiptNo = ReceiptNo.numbered(tx.identity().tillId(), tx.identity().epoch(),
                tx.nextNumber("receipt." + tx.identity().epoch()));
        MemberId memberId = member == null ? null : member.memberId();
        SaleCompleted sale = new SaleCompleted(saleId, receiptNo, memberId, "CNY", priced.saleLines(),
                priced.orderPromotions(), priced.subtotal(), priced.discountTotal(), priced.total(), order.tenders(),
                settled.change(), order.priceListVersion(), order.cashier());
        tx.append(sale);
        for (SaleLine line : sale.lines()) {
            tx.append(new StockChanged(tx.identity().storeId(), line.sku(), -line.qtyMilli(), StockChanged.Reason.SALE,
                    saleId.toString()));
        }
        couponsUsed.forEach((code, promotion) -> tx.append(new CouponRedeemed(code, promotion, saleId)));
        order.tenders().stream().filter(t -> t.method() == TenderMethod.COUPON)
                .forEach(t -> tx.append(new CouponRedeemed(t.reference(), null, saleId)));
        if (pointsToRedeem > 0) {
            tx.append(new PointsChanged(memberId, -pointsToRedeem, PointsChanged.Reason.REDEEM, saleId, List.of()));
        }
        if (storedValueTender > 0) {
            tx.append(new StoredValueChanged(memberId, -storedValueTender, StoredValueChanged.Reason.PAY, saleId,
                    -storedValueSplit.bonus(), null));
        }
        LoyaltyAtCheckout.Earned earned = new LoyaltyAtCheckout.Earned(0, null);
        if (member != null) {
            // Points are earned on money paid: stored value the member paid for counts, its bonus does not, nor
            // points or a coupon used as a tender.
            long paidInMoney = priced.total() - pointsTender - settled.of(TenderMethod.COUPON) - storedValueSplit.bonus();
            // The tier counts money really paid: stored value bought with money counts, its bonus does not.
            long qualifyingSpend = priced.total() - pointsTender - settled.of(TenderMethod.COUPON) - storedValueSplit.bonus();
            Map<io.chainpos.model.id.Sku, String> categories = new java.util.HashMap<>();
            order.items().forEach(item -> categories.put(item.sku(), item.category()));
            earned = loyalty.earn(tx, member, sale, categories, paidInMoney, qualifyingSpend);
        }
        if (settled.of(TenderMethod.CASH) > 0) {
            tx.append(new DrawerOpened(DrawerOpened.Reason.CASH_SALE, saleId, order.cashier(), null));
        }
        return new Completed(sale, earned.points(), earned.upgrade());
    }

    boolean shiftOpen(LedgerSession session) {
        return shifts.current(session).isPresent();
    }

    long priceListVersion(LedgerSession session) {
        return catalog.priceListVersion(session, clock.instant());
    }

    /** The product and quantity a code stands for now, or why not: for a session adding a line. */
    ScanCode.Resolved resolve(LedgerSession session, String code, long qtyMilli) {
        return scanCode.resolve(session, code, qtyMilli, clock.instant());
    }
}
