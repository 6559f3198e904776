package io.chainpos.till.sale;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainpos.model.event.ManagerApproved;
import io.chainpos.model.event.SaleVoided;
import io.chainpos.model.event.Tender;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.money.Money;
import io.chainpos.model.pricing.CartItem;
import io.chainpos.model.pricing.PricedLine;
import io.chainpos.model.pricing.PricedSale;
import io.chainpos.model.sale.DiscountLimits;
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

    public record Updated(CartView cart, String note) implements Outcome {
    }

    /** The sale committed: the receipt may print. The session is empty again. */
    public record Paid(Checkout.Completed sale) implements Outcome {
    }

    /** Nothing changed; {@code reason} is for the cashier. */
    public record Refused(String reason) implements Outcome {
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
            return new Refused("a quantity is positive");
        }
        return switch (ledger.read(session -> checkout.resolve(session, code, qtyMilli))) {
            case ScanCode.ProductFound found -> add(found.product(), found.qtyMilli());
            case ScanCode.MemberFound found -> {
                member = found.member();
                yield updated("member " + member.name());
            }
            case ScanCode.NotFound notFound -> new Refused(notFound.message());
        };
    }

    public Outcome scan(String code) {
        return scan(code, 1000);
    }

    /** A product chosen from a search. */
    public Outcome add(Product product, long qtyMilli) {
        long version = ledger.read(session -> checkout.priceListVersion(session));
        for (int i = 0; i < lines.size(); i++) {
            CartItem item = lines.get(i).item();
            if (!product.weighed() && item.sku().equals(product.sku()) && item.overridePrice() == null
                    && item.manualDiscount() == 0 && item.unitPrice() == product.price()) {
                lines.set(i, new Line(item.withQuantity(item.qtyMilli() + qtyMilli), lines.get(i).priceListVersion()));
                return updated(product.nameZh());
            }
        }
        lines.add(new Line(item(nextLineNo++, product, qtyMilli), version));
        return updated(product.nameZh());
    }

    public Outcome changeQuantity(int lineNo, long qtyMilli) {
        if (qtyMilli <= 0) {
            return new Refused("a quantity is positive; remove the line instead");
        }
        return replace(lineNo, item -> item.withQuantity(qtyMilli));
    }

    public Outcome removeLine(int lineNo) {
        if (!lines.removeIf(line -> line.item().lineNo() == lineNo)) {
            return new Refused("there is no line " + lineNo);
        }
        return updated("line " + lineNo + " removed");
    }

    /** A new unit price for a line: always a manager's decision. */
    public Outcome overridePrice(int lineNo, long unitPrice, String managerPin) {
        Optional<Line> line = line(lineNo);
        if (line.isEmpty()) {
            return new Refused("there is no line " + lineNo);
        }
        if (unitPrice < 0) {
            return new Refused("a price is never negative");
        }
        CartItem item = line.get().item();
        String detail = item.sku() + ": " + yuan(item.unitPrice()) + " -> " + yuan(unitPrice);
        if (approve(managerPin, "PRICE_OVERRIDE", detail).isEmpty()) {
            return new Refused("a price override needs a manager's PIN");
        }
        return replace(lineNo, i -> i.withOverride(unitPrice));
    }

    /** A discount on a line in money; past the cashier's limit it needs a manager's PIN (null: none given). */
    public Outcome discountLine(int lineNo, long amount, String managerPin) {
        Optional<PricedLine> priced = quote().priced().lines().stream().filter(l -> l.lineNo() == lineNo).findFirst();
        if (priced.isEmpty()) {
            return new Refused("there is no line " + lineNo);
        }
        if (amount < 0 || amount > priced.get().total()) {
            return new Refused("a line discount is between 0 and the line's amount " + yuan(priced.get().total()));
        }
        if (DiscountLimits.needsManager(priced.get().gross(), amount, settings.cashierDiscountLimitBasisPoints())
                && approve(managerPin, "LINE_DISCOUNT", priced.get().sku() + ": " + yuan(amount) + " off").isEmpty()) {
            return new Refused("a discount over " + settings.cashierDiscountLimitBasisPoints() / 100
                    + "% of the line needs a manager's PIN");
        }
        return replace(lineNo, i -> i.withManualDiscount(amount));
    }

    public Outcome addCoupon(String code) {
        if (code == null || code.isBlank()) {
            return new Refused("type or scan the coupon's code");
        }
        coupons.add(code.strip().toUpperCase(java.util.Locale.ROOT));
        return updated("coupon " + code.strip());
    }

    public Outcome setMember(Member newMember) {
        member = newMember;
        return updated(newMember == null ? "no member" : "member " + newMember.name());
    }

    /**
     * Abandons the sale. With lines on it, a manager approves and the void is recorded (it shows on the shift
     * report); an empty sale just clears.
     */
    public Outcome voidSale(String managerPin, String reason) {
        if (lines.isEmpty()) {
            clear();
            return updated("sale cleared");
        }
        long amount = quote().priced().total();
        Optional<Approval> approval = approvals.approve(managerPin, "VOID");
        if (approval.isEmpty()) {
            return new Refused("voiding a sale needs a manager's PIN");
        }
        int count = lines.size();
        ledger.write(tx -> {
            tx.append(new ManagerApproved("VOID", approval.get().managerId(), cashier, null,
                    count + " lines, " + yuan(amount)));
            return tx.append(new SaleVoided(count, amount, reason, cashier, approval.get().managerId()));
        });
        clear();
        return updated("sale voided");
    }

    /** Parks the sale to serve someone else; it is kept on this till until recalled. */
    public Outcome hold() {
        if (lines.isEmpty()) {
            return new Refused("there is nothing to hold");
        }
        String summary = lines.size() + " lines, " + yuan(quote().priced().total())
                + (member == null ? "" : ", " + member.name());
        Held parked = new Held(List.copyOf(lines), member == null ? null : member.memberId(), List.copyOf(coupons), cashier, summary);
        int no = ledger.write(tx -> held.hold(tx, parked, clock.instant().toString()));
        clear();
        return updated("held as #" + no);
    }

    public List<HeldSummary> heldSales() {
        return ledger.read(held::list);
    }

    public Outcome recall(int holdNo) {
        if (!lines.isEmpty()) {
            return new Refused("finish or hold the current sale first");
        }
        Optional<Held> parked = ledger.write(tx -> held.take(tx, holdNo));
        if (parked.isEmpty()) {
            return new Refused("there is no held sale #" + holdNo);
        }
        lines.addAll(parked.get().lines());
        nextLineNo = lines.stream().mapToInt(l -> l.item().lineNo()).max().orElse(0) + 1;
        coupons.addAll(parked.get().coupons());
        member = parked.get().member() == null ? null
                : ledger.read(session -> members.findById(session, parked.get().member())).orElse(null);
        return updated("recalled #" + holdNo);
    }

    public CartView quote() {
        PricedSale priced = checkout.quote(lines.stream().map(Line::item).toList(),
                member == null ? null : member.memberId(), coupons);
        long tendered = tenders.stream().mapToLong(Tender::amount).sum();
        return new CartView(priced, member, List.copyOf(coupons), List.copyOf(tenders), Math.max(0, priced.total() - tendered));
    }

    /** Adds a tender; once the tenders cover the total the sale commits. */
    public Outcome addTender(Tender tender) {
        if (lines.isEmpty()) {
            return new Refused("ring up the sale before paying");
        }
        tenders.add(tender);
        CartView view = quote();
        if (view.due() > 0) {
            return new Updated(view, "still due " + yuan(view.due()));
        }
        Outcome outcome = pay(List.copyOf(tenders));
        if (outcome instanceof Refused) {
            tenders.removeLast();
        }
        return outcome;
    }

    /** Pays with exactly these tenders. */
    public Outcome pay(List<Tender> payment) {
        long version = lines.stream().mapToLong(Line::priceListVersion).max().orElse(0);
        Checkout.Result result = checkout.complete(new Checkout.Order(lines.stream().map(Line::item).toList(), version,
                member == null ? null : member.memberId(), coupons, payment, cashier));
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
                return updated("line " + lineNo + " changed");
            }
        }
        return new Refused("there is no line " + lineNo);
    }

    private Outcome updated(String note) {
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
