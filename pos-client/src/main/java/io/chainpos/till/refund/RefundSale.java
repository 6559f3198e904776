package io.chainpos.till.refund;

import io.chainpos.model.event.DrawerOpened;
import io.chainpos.model.event.ManagerApproved;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.RefundLine;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleRefunded;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.StoredValueChanged;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.RefundId;
import io.chainpos.model.money.Money;
import io.chainpos.model.promotion.Rates;
import io.chainpos.model.sale.Refunds;
import io.chainpos.till.TillMessage;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.LedgerTransaction;
import io.chainpos.till.loyalty.BalanceStore;
import io.chainpos.till.sale.SaleStore;
import io.chainpos.till.sale.ScanCode;
import io.chainpos.till.shift.ShiftStore;
import io.chainpos.till.staff.Approval;
import io.chainpos.till.staff.ManagerApprovals;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Returns and refunds (退货). Against a receipt number, scanned or typed: whole or some products, never more
 * than was sold minus what any till of the store already refunded; the money goes back to the original
 * tenders, the points the sale earned are taken back, points and stored value it spent are restored and the
 * goods go back into stock. Without a receipt: a manager's PIN and a reason, refunded in cash at today's price.
 */
public final class RefundSale {

    public sealed interface Result permits Refunded, Refused {
    }

    public record Refunded(SaleRefunded refund, long pointsTakenBack, long pointsRestored, long storedValueRestored)
            implements Result {
    }

    public record Refused(TillMessage reason) implements Result {
    }

    /** A product brought back without a receipt: its code and quantity in thousandths. */
    public record ReturnedItem(String code, long qtyMilli) {
    }

    private final Ledger ledger;
    private final SaleStore sales;
    private final ShiftStore shifts;
    private final BalanceStore balances;
    private final ScanCode scanCode;
    private final ManagerApprovals approvals;
    private final Clock clock;

    public RefundSale(Ledger ledger, SaleStore sales, ShiftStore shifts, BalanceStore balances, ScanCode scanCode,
                      ManagerApprovals approvals, Clock clock) {
        this.ledger = ledger;
        this.sales = sales;
        this.shifts = shifts;
        this.balances = balances;
        this.scanCode = scanCode;
        this.approvals = approvals;
        this.clock = clock;
    }

    /** What the receipt's products still allow, or empty when this store has no such receipt. */
    public Optional<List<Refunds.Refundable>> refundable(String receiptNo) {
        return ledger.read(session -> sales.saleByReceipt(session, receiptNo.strip())
                .map(sale -> Refunds.remaining(sale, sales.refundsOf(session, sale.saleId()))));
    }

    public Result refund(String receiptNo, List<Refunds.Request> items, String cashier) {
        return ledger.write(tx -> {
            if (shifts.current(tx).isEmpty()) {
                return new Refused(TillMessage.of(TillMessage.Code.SHIFT_NEEDED_TO_REFUND));
            }
            Optional<SaleCompleted> found = sales.saleByReceipt(tx, receiptNo == null ? "" : receiptNo.strip());
            if (found.isEmpty()) {
                return new Refused(TillMessage.of(TillMessage.Code.NO_SALE_WITH_RECEIPT, receiptNo == null ? "" : receiptNo.strip()));
            }
            SaleCompleted sale = found.get();
            List<SaleRefunded> earlier = sales.refundsOf(tx, sale.saleId());
            return switch (Refunds.plan(sale, earlier, items)) {
                case Refunds.Refused refused -> new Refused(why(refused, receiptNo));
                case Refunds.Planned planned -> record(tx, sale, earlier, planned, cashier);
            };
        });
    }

    private static TillMessage why(Refunds.Refused refused, String receiptNo) {
        return switch (refused.why()) {
            case NOTHING_CHOSEN -> TillMessage.of(TillMessage.Code.NOTHING_CHOSEN_TO_REFUND);
            case QUANTITY_NOT_POSITIVE -> TillMessage.of(TillMessage.Code.REFUND_QUANTITY_NOT_POSITIVE);
            case NOT_ON_RECEIPT -> TillMessage.of(TillMessage.Code.NOT_ON_RECEIPT, refused.sku().value(), receiptNo.strip());
            case ONLY_LEFT -> TillMessage.of(TillMessage.Code.ONLY_LEFT_TO_REFUND,
                    java.math.BigDecimal.valueOf(refused.qtyMilli(), 3).stripTrailingZeros().toPlainString(), refused.name());
        };
    }

    /** The slip's number, read and typed like a receipt's: this till and epoch, R, then a running number. */
    private static String refundNo(LedgerTransaction tx) {
        return "%s-%d-R%06d".formatted(tx.identity().tillId().value(), tx.identity().epoch(),
                tx.nextNumber("refund." + tx.identity().epoch()));
    }

    private Result record(LedgerTransaction tx, SaleCompleted sale, List<SaleRefunded> earlier, Refunds.Planned planned,
                          String cashier) {
        RefundId refundId = RefundId.newId(clock);
        SaleRefunded refund = new SaleRefunded(refundId, sale.saleId(), sale.currency(), planned.lines(), planned.total(),
                planned.tenders(), null, null, refundNo(tx));
        tx.append(refund);
        stockBack(tx, refund);
        long taken = 0;
        long restored = 0;
        long storedValue = 0;
        long bonusBack = 0;
        if (sale.memberId() != null) {
            Map<String, long[]> points = balances.pointsOfSale(tx, sale.saleId());
            long earned = points.getOrDefault("EARN", new long[2])[0];
            long alreadyTaken = -points.getOrDefault("REVERSE", new long[2])[1];
            long refundedSoFar = earlier.stream().mapToLong(SaleRefunded::total).sum() + planned.total();
            taken = Refunds.earnedPointsToReverse(earned, alreadyTaken, refundedSoFar, sale.total());
            // Money given back no longer counts towards the member's tier: refunded stored value bonus, points and
            // coupons never counted.
            long[] bonusOfSale = balances.storedValueBonusOfSale(tx, sale.saleId());
            long storedValueBack = planned.tenders().stream().filter(t -> t.method() == TenderMethod.STORED_VALUE)
                    .mapToLong(Tender::amount).sum();
            bonusBack = Math.min(storedValueBack, Math.max(0, bonusOfSale[0] - bonusOfSale[1]));
            long spendBack = planned.tenders().stream()
                    .filter(t -> t.method() != TenderMethod.POINTS && t.method() != TenderMethod.COUPON)
                    .mapToLong(Tender::amount).sum() - bonusBack;
            if (taken > 0 || spendBack > 0) {
                tx.append(new PointsChanged(sale.memberId(), -taken, PointsChanged.Reason.REVERSE, sale.saleId(),
                        List.of("REFUND_EARNED"), -spendBack));
            }
            long redeemed = -points.getOrDefault("REDEEM", new long[2])[1];
            long pointsTendered = sale.tenders().stream().filter(t -> t.method() == TenderMethod.POINTS)
                    .mapToLong(Tender::amount).sum();
            for (Tender tender : planned.tenders()) {
                if (tender.method() == TenderMethod.POINTS) {
                    restored += Rates.share(redeemed, tender.amount(), pointsTendered);
                } else if (tender.method() == TenderMethod.STORED_VALUE) {
                    storedValue += tender.amount();
                }
            }
            if (restored > 0) {
                tx.append(new PointsChanged(sale.memberId(), restored, PointsChanged.Reason.REVERSE, sale.saleId(),
                        List.of("REFUND_REDEEMED")));
            }
            if (storedValue > 0) {
                // What the sale took from bonus goes back to bonus: a refund never turns bonus into paid money.
                tx.append(new StoredValueChanged(sale.memberId(), storedValue, StoredValueChanged.Reason.REFUND, sale.saleId(),
                        bonusBack, null));
            }
        }
        if (planned.tenders().stream().anyMatch(t -> t.method() == TenderMethod.CASH)) {
            tx.append(new DrawerOpened(DrawerOpened.Reason.CASH_REFUND, sale.saleId(), cashier, null));
        }
        return new Refunded(refund, taken, restored, storedValue);
    }

    /** A return without a receipt: a manager approves, a reason is given, cash goes back at today's price. */
    public Result refundWithoutReceipt(List<ReturnedItem> items, String reason, String managerPin, String cashier) {
        if (reason == null || reason.isBlank()) {
            return new Refused(TillMessage.of(TillMessage.Code.RETURN_NEEDS_REASON));
        }
        if (items.isEmpty()) {
            return new Refused(TillMessage.of(TillMessage.Code.NOTHING_CHOSEN_TO_REFUND));
        }
        Optional<Approval> approval = approvals.approve(managerPin, "REFUND_NO_RECEIPT");
        if (approval.isEmpty()) {
            return new Refused(TillMessage.of(TillMessage.Code.RETURN_NEEDS_MANAGER));
        }
        return ledger.write(tx -> {
            if (shifts.current(tx).isEmpty()) {
                return new Refused(TillMessage.of(TillMessage.Code.SHIFT_NEEDED_TO_REFUND));
            }
            List<RefundLine> lines = new ArrayList<>();
            long total = 0;
            for (ReturnedItem item : items) {
                if (item.qtyMilli() <= 0) {
                    return new Refused(TillMessage.of(TillMessage.Code.REFUND_QUANTITY_NOT_POSITIVE));
                }
                if (!(scanCode.resolve(tx, item.code(), item.qtyMilli(), tx.now()) instanceof ScanCode.ProductFound found)) {
                    return new Refused(TillMessage.of(TillMessage.Code.UNKNOWN_PRODUCT, item.code()));
                }
                long amount = Money.cny(found.product().price()).timesMilli(found.qtyMilli()).minor();
                lines.add(new RefundLine(found.product().sku(), found.product().nameZh(), found.qtyMilli(), amount));
                total += amount;
            }
            tx.append(new ManagerApproved("REFUND_NO_RECEIPT", approval.get().managerId(), cashier, null,
                    Money.cny(total).toDecimalString() + ": " + reason.strip()));
            SaleRefunded refund = new SaleRefunded(RefundId.newId(clock), null, "CNY", lines, total,
                    List.of(new Tender(TenderMethod.CASH, total, null)), reason.strip(), approval.get().managerId(),
                    refundNo(tx));
            tx.append(refund);
            stockBack(tx, refund);
            tx.append(new DrawerOpened(DrawerOpened.Reason.CASH_REFUND, null, cashier, null));
            return new Refunded(refund, 0, 0, 0);
        });
    }

    private static void stockBack(LedgerTransaction tx, SaleRefunded refund) {
        for (RefundLine line : refund.lines()) {
            tx.append(new StockChanged(tx.identity().storeId(), line.sku(), line.qtyMilli(), StockChanged.Reason.RETURN,
                    refund.refundId().toString()));
        }
    }
}
