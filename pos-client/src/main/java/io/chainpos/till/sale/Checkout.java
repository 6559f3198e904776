package io.chainpos.till.sale;

import io.chainpos.model.event.AppliedPromotion;
import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.StoredValueChanged;
import io.chainpos.model.event.Tender;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.money.Money;
import io.chainpos.till.catalog.CatalogStore;
import io.chainpos.till.catalog.Product;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.LedgerSession;
import io.chainpos.till.ledger.LedgerTransaction;
import io.chainpos.till.loyalty.BalanceStore;
import io.chainpos.till.member.MemberStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Completes a sale: prices the lines from the catalog (member price for members), checks the tenders
 * cover the total, and records the sale with its stock movements and points in one transaction.
 */
public final class Checkout {

    /** A product code (barcode or SKU) and a quantity in thousandths. */
    public record LineRequest(String code, long qtyMilli) {
    }

    public record Request(List<LineRequest> lines, MemberId member, List<Tender> tenders, String cashier) {
        public Request {
            lines = List.copyOf(lines);
            tenders = List.copyOf(tenders);
        }
    }

    public sealed interface Result permits Completed, Rejected {
    }

    public record Completed(SaleCompleted sale, long pointsEarned) implements Result {
    }

    /** Nothing was recorded; {@code reason} is for the cashier. */
    public record Rejected(String reason) implements Result, Priced {
    }

    private final Ledger ledger;
    private final CatalogStore catalog;
    private final MemberStore members;
    private final BalanceStore balances;
    private final Clock clock;

    public Checkout(Ledger ledger, CatalogStore catalog, MemberStore members, BalanceStore balances, Clock clock) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.members = members;
        this.balances = balances;
        this.clock = clock;
    }

    /** The priced lines of a sale still being rung up. */
    public record Quote(List<SaleLine> lines, long subtotal, long discountTotal, long total, long priceListVersion)
            implements Priced {
    }

    /** A quote, or why the lines cannot be priced. */
    public sealed interface Priced permits Quote, Rejected {
    }

    /** Prices lines as the sale would, without recording anything: for the screen while ringing up. */
    public Priced quote(List<LineRequest> lines, MemberId member) {
        return ledger.read(session -> price(session, lines, member));
    }

    public Result complete(Request request) {
        if (request.lines().isEmpty()) {
            return new Rejected("the sale has no lines");
        }
        return ledger.write(tx -> {
            MemberId member = request.member();
            if (member != null) {
                Optional<MemberId> known = members.findById(tx, member).map(m -> m.memberId());
                if (known.isEmpty()) {
                    return new Rejected("no member " + member + " at this till");
                }
                member = known.get();
            }
            return switch (price(tx, request.lines(), member)) {
                case Rejected rejected -> rejected;
                case Quote quote -> pay(tx, request, member, quote, catalog.loyaltyRules(tx).orElse(null));
            };
        });
    }

    private Priced price(LedgerSession session, List<LineRequest> requested, MemberId member) {
        List<SaleLine> lines = new ArrayList<>();
        long subtotal = 0;
        long discountTotal = 0;
        long priceListVersion = 0;
        for (LineRequest line : requested) {
            if (line.qtyMilli() <= 0) {
                return new Rejected("quantity must be positive for " + line.code());
            }
            Optional<Product> found = catalog.findByCode(session, line.code());
            if (found.isEmpty()) {
                return new Rejected("unknown product code " + line.code());
            }
            Product product = found.get();
            boolean memberPrice = member != null && product.memberPrice() != null && product.memberPrice() < product.price();
            long unit = memberPrice ? product.memberPrice() : product.price();
            long gross = Money.cny(product.price()).timesMilli(line.qtyMilli()).minor();
            long total = Money.cny(unit).timesMilli(line.qtyMilli()).minor();
            List<AppliedPromotion> applied = memberPrice
                    ? List.of(new AppliedPromotion("MEMBER_PRICE", "会员价", gross - total)) : List.of();
            lines.add(new SaleLine(product.sku(), product.nameZh(), line.qtyMilli(), product.price(), gross - total,
                    total, applied));
            subtotal += gross;
            discountTotal += gross - total;
            priceListVersion = Math.max(priceListVersion, product.priceVersion());
        }
        return new Quote(lines, subtotal, discountTotal, subtotal - discountTotal, priceListVersion);
    }

    private Result pay(LedgerTransaction tx, Request request, MemberId member, Quote quote, LoyaltyRulesPublished rules) {
        long total = quote.total();
        long tendered = 0;
        long cash = 0;
        long pointsTender = 0;
        long storedValueTender = 0;
        for (Tender tender : request.tenders()) {
            if (tender.amount() <= 0) {
                return new Rejected("a tender must be a positive amount");
            }
            tendered += tender.amount();
            switch (tender.method()) {
                case CASH -> cash += tender.amount();
                case POINTS -> pointsTender += tender.amount();
                case STORED_VALUE -> storedValueTender += tender.amount();
                default -> {
                }
            }
        }
        if (tendered < total) {
            return new Rejected("tenders are short by " + Money.cny(total - tendered).toDecimalString());
        }
        long change = tendered - total;
        if (change > cash) {
            return new Rejected("change can only be given in cash; non-cash tenders exceed the total");
        }
        if ((pointsTender > 0 || storedValueTender > 0) && member == null) {
            return new Rejected("points and stored value need a member on the sale");
        }
        long fenPerPoint = rules == null ? 1 : Math.max(1, rules.fenPerPointRedeemed());
        long pointsToRedeem = 0;
        if (pointsTender > 0) {
            if (pointsTender % fenPerPoint != 0) {
                return new Rejected("points pay in steps of " + Money.cny(fenPerPoint).toDecimalString());
            }
            pointsToRedeem = pointsTender / fenPerPoint;
            long available = balances.points(tx, member);
            if (pointsToRedeem > available) {
                return new Rejected("the member has " + available + " points, " + pointsToRedeem + " are needed");
            }
        }
        if (storedValueTender > 0 && storedValueTender > balances.storedValue(tx, member)) {
            return new Rejected("the member's stored value is not enough");
        }
        SaleId saleId = SaleId.newId(clock);
        ReceiptNo receiptNo = new ReceiptNo("%s-%d-%06d".formatted(tx.identity().tillId().value(), tx.identity().epoch(),
                tx.nextNumber("receipt." + tx.identity().epoch())));
        SaleCompleted sale = new SaleCompleted(saleId, receiptNo, member, "CNY", quote.lines(), List.of(),
                quote.subtotal(), quote.discountTotal(), total, request.tenders(), change, quote.priceListVersion(),
                request.cashier());
        tx.append(sale);
        for (SaleLine line : quote.lines()) {
            tx.append(new StockChanged(tx.identity().storeId(), line.sku(), -line.qtyMilli(), StockChanged.Reason.SALE,
                    saleId.toString()));
        }
        if (pointsToRedeem > 0) {
            tx.append(new PointsChanged(member, -pointsToRedeem, PointsChanged.Reason.REDEEM, saleId, List.of()));
        }
        if (storedValueTender > 0) {
            tx.append(new StoredValueChanged(member, -storedValueTender, StoredValueChanged.Reason.PAY, saleId));
        }
        long earned = 0;
        if (member != null) {
            long paidInMoney = total - pointsTender - storedValueTender;
            long perYuan = rules == null ? 1 : rules.pointsPerYuan();
            earned = Math.max(0, paidInMoney) / 100 * perYuan;
            if (earned > 0) {
                tx.append(new PointsChanged(member, earned, PointsChanged.Reason.EARN, saleId,
                        List.of("BASE:" + perYuan + "/yuan")));
            }
        }
        return new Completed(sale, earned);
    }
}
