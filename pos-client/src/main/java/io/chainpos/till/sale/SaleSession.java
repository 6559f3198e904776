package io.chainpos.till.sale;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainpos.model.event.ManagerApproved;
import io.chainpos.model.event.SaleVoided;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.money.Money;
import io.chainpos.model.pricing.CartItem;
import io.chainpos.model.pricing.PricedLine;
import io.chainpos.model.pricing.PricedSale;
import io.chainpos.model.sale.DiscountLimits;
import io.chainpos.model.sale.Tendering;
import io.chainpos.till.TillMessage;
import io.chainpos.till.catalog.Product;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.member.Member;
import io.chainpos.till.member.MemberStore;
import io.chainpos.till.staff.Approval;
import io.chainpos.till.staff.ManagerApprovals;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One counter's sale being rung up: the object the screens drive. Add by scan or search, change a quantity,
 * remove a line, put a member or a coupon on it, override a price or discount a line (a manager's PIN past
 * the cashier's limit, each approval recorded), void it, hold it and recall a held one, quote and pay. Only
 * paying and voiding commit facts; everything else is the working cart. Not thread-safe: one per counter.
 */
public final class SaleSession {
    /** A cart line with the price-list version its price came from. */
    public record Line(CartItem item, long priceListVersion) {
    }

    /** The cart as the screen shows it: priced lines and promotions, member, tenders so far and what is due. */
    public record CartView(PricedSale priced, Member member, List<String> coupons, List<Tender> tenders, long due) {
    }

    public sealed interface Outcome permits Updated, Paid, Refused {
    }

    /** The cart changed; {@code note} says what happened, null when there is nothing to say. */
    public record Updated(CartView cart, TillMessage note) implements Outcome {
    }

    /** The sale committed: the receipt may print. The session is empty again. */
    public record Paid(Checkout.Completed sale) implements Outcome {
    }

    /** Nothing changed; {@code reason} is for the cashier. */
    public record Refused(TillMessage reason) implements Outcome {
    }

    /** A parked sale as kept. */
    public record Held(List<Line> lines, MemberId member, List<String> coupons, String cashier, String summary) {
    }

    public record HeldSummary(int holdNo, String heldAt, String cashier, String summary) {
    }

    private final Ledger ledger;
    private final Checkout checkout;
    private final MemberStore members;
    private final ManagerApprovals approvals;
    private final SellingSettings settings;
    private final HeldSaleStore held;
    private final Clock clock;
    private final String cashier;

    private final List<Line> lines = new ArrayList<>();
    private final Set<String> coupons = new LinkedHashSet<>();
    private final List<Tender> tenders = new ArrayList<>();
    private Member member;
    private int nextLineNo = 1;

    public SaleSession(Ledger ledger, Checkout checkout, MemberStore members, ManagerApprovals approvals,
                       SellingSettings settings, ObjectMapper mapper, Clock clock, String cashier) {
        this.ledger = ledger;
        this.checkout = checkout;
        this.members = members;
        this.approvals = approvals;
        this.settings = settings;
        this.held = new HeldSaleStore(mapper);
        this.clock = clock;
        this.cashier = cashier;
    }

    static CartItem item(int lineNo, Product product, long qtyMilli) {
        return new CartItem(lineNo, product.sku(), product.nameZh(), product.category(), qtyMilli, product.weighed(),
                product.price(), product.memberPrice(), null, 0);
    }

    /** A scan or typed code: a product adds a line (or a piece to the same line), a member card selects the member. */
    public Outcome scan(String code, long qtyMilli) {
        if (qtyMilli <= 0) {
            return new Refused(TillMessage.of(TillMessage.Code.QUANTITY_NOT_POSITIVE));
        }
        record Scanned(ScanCode.Resolved resolved, boolean shiftOpen) {
        }
        Scanned scanned = ledger.read(session -> new Scanned(checkout.resolve(session, code, qtyMilli), checkout.shiftOpen(session)));
        return switch (scanned.resolved()) {
            // no sale happens outside a shift: said at the first product, not when the customer is paying
            case ScanCode.ProductFound found when !scanned.shiftOpen() ->
                    new Refused(TillMessage.of(TillMessage.Code.SHIFT_NEEDED_TO_SELL));
            case ScanCode.ProductFound found -> add(found.product(), found.qtyMilli());
            case ScanCode.MemberFound found -> {
                member = found.member();
                yield updated(TillMessage.of(TillMessage.Code.MEMBER_ON_SALE, member.name()));
            }
            case ScanCode.NotFound notFound -> new Refused(notFound.reason());
        };
    }

    public Outcome scan(String code) {
        return scan(code, 1000);
    }

    /** A product chosen from a search. */
    public Outcome add(Product product, long qtyMilli) {
        if (!ledger.read(checkout::shiftOpen)) {
            return new Refused(TillMessage.of(TillMessage.Code.SHIFT_NEEDED_TO_SELL));
        }
        long version = ledger.read(session -> checkout.priceListVersion(session));
        for (int i = 0; i < lines.size(); i++) {
            CartItem item = lines.get(i).item();
            if (!product.weighed() && item.sku().equals(product.sku()) && item.overridePrice() == null
                    && item.manualDiscount() == 0 && item.unitPrice() == product.price()) {
                lines.set(i, new Line(item.withQuantity(item.qtyMilli() + qtyMilli), lines.get(i).priceListVersion()));
                return updated(TillMessage.of(TillMessage.Code.LINE_ADDED, product.nameZh(), item.lineNo()));
            }
        }
        int lineNo = nextLineNo++;
        lines.add(new Line(item(lineNo, product, qtyMilli), version));
        return updated(TillMessage.of(TillMessage.Code.LINE_ADDED, product.nameZh(), lineNo));
    }

    public Outcome changeQuantity(int lineNo, long qtyMilli) {
        if (qtyMilli <= 0) {
            return new Refused(TillMessage.of(TillMessage.Code.QUANTITY_NOT_POSITIVE_REMOVE_LINE));
        }
        return replace(lineNo, item -> item.withQuantity(qtyMilli));
    }

    public Outcome removeLine(int lineNo) {
        if (!lines.removeIf(line -> line.item().lineNo() == lineNo)) {
            return new Refused(TillMessage.of(TillMessage.Code.NO_SUCH_LINE, lineNo));
        }
        return updated(TillMessage.of(TillMessage.Code.LINE_REMOVED, lineNo));
    }

    /** A new unit price for a line: always a manager's decision. */
    public Outcome overridePrice(int lineNo, long unitPrice, String managerPin) {
        Optional<Line> line = line(lineNo);
        if (line.isEmpty()) {
            return new Refused(TillMessage.of(TillMessage.Code.NO_SUCH_LINE, lineNo));
        }
        if (unitPrice < 0) {
            return new Refused(TillMessage.of(TillMessage.Code.PRICE_NEGATIVE));
        }
        CartItem item = line.get().item();
        String detail = item.sku() + ": " + yuan(item.unitPrice()) + " -> " + yuan(unitPrice);
        if (approve(managerPin, "PRICE_OVERRIDE", detail).isEmpty()) {
            return new Refused(TillMessage.of(TillMessage.Code.PRICE_OVERRIDE_NEEDS_MANAGER));
        }
        return replace(lineNo, i -> i.withOverride(unitPrice));
    }

    /** A discount on a line in money; past the cashier's limit it needs a manager's PIN (null: none given). */
    public Outcome discountLine(int lineNo, long amount, String managerPin) {
        Optional<PricedLine> priced = quote().priced().lines().stream().filter(l -> l.lineNo() == lineNo).findFirst();
        if (priced.isEmpty()) {
            return new Refused(TillMessage.of(TillMessage.Code.NO_SUCH_LINE, lineNo));
        }
        if (amount < 0 || amount > priced.get().total()) {
            return new Refused(TillMessage.of(TillMessage.Code.LINE_DISCOUNT_OUT_OF_RANGE, Money.cny(priced.get().total())));
        }
        if (DiscountLimits.needsManager(priced.get().gross(), amount, settings.cashierDiscountLimitBasisPoints())
                && approve(managerPin, "LINE_DISCOUNT", priced.get().sku() + ": " + yuan(amount) + " off").isEmpty()) {
            return new Refused(TillMessage.of(TillMessage.Code.DISCOUNT_NEEDS_MANAGER,
                    settings.cashierDiscountLimitBasisPoints() / 100));
        }
        return replace(lineNo, i -> i.withManualDiscount(amount));
    }

    public Outcome addCoupon(String code) {
        if (code == null || code.isBlank()) {
            return new Refused(TillMessage.of(TillMessage.Code.COUPON_CODE_NEEDED));
        }
        coupons.add(code.strip().toUpperCase(java.util.Locale.ROOT));
        return updated(TillMessage.of(TillMessage.Code.COUPON_ADDED, code.strip()));
    }

    public Outcome setMember(Member newMember) {
        member = newMember;
        return updated(newMember == null ? TillMessage.of(TillMessage.Code.NO_MEMBER_ON_SALE)
                : TillMessage.of(TillMessage.Code.MEMBER_ON_SALE, newMember.name()));
    }

    /**
     * Abandons the sale. With lines on it, a manager approves and the void is recorded (it shows on the shift
     * report); an empty sale just clears.
     */
    public Outcome voidSale(String managerPin, String reason) {
        if (lines.isEmpty()) {
            clear();
            return updated(TillMessage.of(TillMessage.Code.SALE_CLEARED));
        }
        long amount = quote().priced().total();
        Optional<Approval> approval = approvals.approve(managerPin, "VOID");
        if (approval.isEmpty()) {
            return new Refused(TillMessage.of(TillMessage.Code.VOID_NEEDS_MANAGER));
        }
        int count = lines.size();
        ledger.write(tx -> {
            tx.append(new ManagerApproved("VOID", approval.get().managerId(), cashier, null,
                    count + " lines, " + yuan(amount)));
            return tx.append(new SaleVoided(count, amount, reason, cashier, approval.get().managerId()));
        });
        clear();
        return updated(TillMessage.of(TillMessage.Code.SALE_VOIDED));
    }

    /** Parks the sale to serve someone else; it is kept on this till until recalled. */
    public Outcome hold() {
        if (lines.isEmpty()) {
            return new Refused(TillMessage.of(TillMessage.Code.NOTHING_TO_HOLD));
        }
        String summary = lines.size() + " lines, " + yuan(quote().priced().total())
                + (member == null ? "" : ", " + member.name());
        Held parked = new Held(List.copyOf(lines), member == null ? null : member.memberId(), List.copyOf(coupons), cashier, summary);
        int no = ledger.write(tx -> held.hold(tx, parked, clock.instant().toString()));
        clear();
        return updated(TillMessage.of(TillMessage.Code.HELD_AS, no));
    }

    public List<HeldSummary> heldSales() {
        return ledger.read(held::list);
    }

    public Outcome recall(int holdNo) {
        if (!lines.isEmpty()) {
            return new Refused(TillMessage.of(TillMessage.Code.FINISH_OR_HOLD_FIRST));
        }
        Optional<Held> parked = ledger.write(tx -> held.take(tx, holdNo));
        if (parked.isEmpty()) {
            return new Refused(TillMessage.of(TillMessage.Code.NO_HELD_SALE, holdNo));
        }
        lines.addAll(parked.get().lines());
        nextLineNo = lines.stream().mapToInt(l -> l.item().lineNo()).max().orElse(0) + 1;
        coupons.addAll(parked.get().coupons());
        member = parked.get().member() == null ? null
                : ledger.read(session -> members.findById(session, parked.get().member())).orElse(null);
        return updated(TillMessage.of(TillMessage.Code.RECALLED, holdNo));
    }

    public CartView quote() {
        PricedSale priced = checkout.quote(lines.stream().map(Line::item).toList(),
                member == null ? null : member.memberId(), coupons);
        long tendered = tenders.stream().mapToLong(Tender::amount).sum();
        return new CartView(priced, member, List.copyOf(coupons), List.copyOf(tenders), Math.max(0, priced.total() - tendered));
    }

    /**
     * Adds a tender, checked by the tender rules ({@link Tendering#admit}) and the till's own (points and stored value
     * need a member): refused, nothing changes. Once the tenders cover the total the sale commits; if the checkout
     * refuses it, the tender comes off again and the earlier ones stay.
     */
    public Outcome addTender(Tender tender) {
        if (lines.isEmpty()) {
            return new Refused(TillMessage.of(TillMessage.Code.RING_UP_BEFORE_PAYING));
        }
        long due = quote().due();
        Optional<Tendering.Refused> wrong = Tendering.admit(due, tender);
        if (wrong.isPresent()) {
            return new Refused(TillMessage.tendering(wrong.get()));
        }
        if ((tender.method() == TenderMethod.POINTS || tender.method() == TenderMethod.STORED_VALUE) && member == null) {
            return new Refused(TillMessage.of(TillMessage.Code.POINTS_NEED_MEMBER));
        }
        tenders.add(tender);
        CartView view = quote();
        if (view.due() > 0) {
            return new Updated(view, TillMessage.of(TillMessage.Code.STILL_DUE, Money.cny(view.due())));
        }
        Outcome outcome = commit();
        if (outcome instanceof Refused) {
            tenders.removeLast();
        }
        return outcome;
    }

    /** Takes a tender off again (the cashier chose the wrong one); nothing was recorded. */
    public Outcome removeTender(int index) {
        if (index < 0 || index >= tenders.size()) {
            return new Refused(TillMessage.of(TillMessage.Code.NO_SUCH_LINE, index + 1));
        }
        tenders.remove(index);
        return new Updated(quote(), null);
    }

    /** Back to the sale from paying: the tenders taken so far are dropped (none was recorded). */
    public void clearTenders() {
        tenders.clear();
    }

    /** Commits a sale its tenders already cover: for a sale that costs nothing, which takes no tender at all. */
    public Outcome complete() {
        if (lines.isEmpty()) {
            return new Refused(TillMessage.of(TillMessage.Code.RING_UP_BEFORE_PAYING));
        }
        long due = quote().due();
        if (due > 0) {
            return new Refused(TillMessage.of(TillMessage.Code.TENDERS_SHORT, Money.cny(due)));
        }
        return commit();
    }

    /** Pays with exactly these tenders, each added as the cashier would; refused, the tenders are as they were. */
    public Outcome pay(List<Tender> payment) {
        List<Tender> before = List.copyOf(tenders);
        tenders.clear();
        Outcome outcome = payment.isEmpty() ? complete() : null;
        for (Tender tender : payment) {
            outcome = addTender(tender);
            if (!(outcome instanceof Updated)) {
                break;
            }
        }
        if (outcome instanceof Updated updated) {
            outcome = new Refused(TillMessage.of(TillMessage.Code.TENDERS_SHORT, Money.cny(updated.cart().due())));
        }
        if (outcome instanceof Refused) {
            tenders.clear();
            tenders.addAll(before);
        }
        return outcome;
    }

    private Outcome commit() {
        long version = lines.stream().mapToLong(Line::priceListVersion).max().orElse(0);
        Checkout.Result result = checkout.complete(new Checkout.Order(lines.stream().map(Line::item).toList(), version,
                member == null ? null : member.memberId(), coupons, List.copyOf(tenders), cashier));
        return switch (result) {
            case Checkout.Completed completed -> {
                clear();
                yield new Paid(completed);
            }
            case Checkout.Rejected rejected -> new Refused(rejected.reason());
        };
    }

    public Member member() {
        return member;
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    private Optional<Approval> approve(String pin, String action, String detail) {
        Optional<Approval> approval = approvals.approve(pin, action);
        approval.ifPresent(a -> ledger.write(tx -> tx.append(new ManagerApproved(action, a.managerId(), cashier, null, detail))));
        return approval;
    }

    private Optional<Line> line(int lineNo) {
        return lines.stream().filter(l -> l.item().lineNo() == lineNo).findFirst();
    }

    private Outcome replace(int lineNo, java.util.function.UnaryOperator<CartItem> change) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).item().lineNo() == lineNo) {
                lines.set(i, new Line(change.apply(lines.get(i).item()), lines.get(i).priceListVersion()));
                return updated(TillMessage.of(TillMessage.Code.LINE_CHANGED, lineNo));
            }
        }
        return new Refused(TillMessage.of(TillMessage.Code.NO_SUCH_LINE, lineNo));
    }

    private Outcome updated(TillMessage note) {
        return new Updated(quote(), note);
    }

    private void clear() {
        lines.clear();
        coupons.clear();
        tenders.clear();
        member = null;
        nextLineNo = 1;
    }

    private static String yuan(long fen) {
        return Money.cny(fen).toDecimalString();
    }
}
