package io.chainpos.till.cli;

import io.chainpos.model.event.AppliedPromotion;
import io.chainpos.model.money.Money;
import io.chainpos.model.pricing.PricedLine;
import io.chainpos.model.sale.ShiftReport;
import io.chainpos.till.sale.SaleSession;
import java.io.PrintStream;
import java.math.BigDecimal;

/** How the command line writes amounts, quantities, carts and shift reports. */
final class Text {
    private Text() {
    }

    static String yuan(long fen) {
        return "¥" + Money.cny(fen).toDecimalString();
    }

    static String qty(long milli) {
        return BigDecimal.valueOf(milli, 3).stripTrailingZeros().toPlainString();
    }

    static long milli(String quantity) {
        try {
            long milli = new BigDecimal(quantity).movePointRight(3).longValueExact();
            if (milli <= 0) {
                throw new IllegalArgumentException("a quantity is positive: " + quantity);
            }
            return milli;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a quantity: " + quantity);
        }
    }

    static long amount(String text) {
        try {
            return Money.parse(text, Money.CNY).minor();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an amount: " + text);
        }
    }

    static void cart(PrintStream out, SaleSession.CartView cart) {
        for (PricedLine line : cart.priced().lines()) {
            out.printf("  %d. %-22s %8s %10s%n", line.lineNo(), line.name(), qty(line.qtyMilli()), yuan(line.total()));
            for (AppliedPromotion p : line.promotions()) {
                out.printf("       %-22s %19s%n", p.name(), "-" + yuan(p.amount()));
            }
        }
        for (AppliedPromotion p : cart.priced().orderPromotions()) {
            out.printf("  %-33s %10s%n", p.name(), "-" + yuan(p.amount()));
        }
        out.printf("  discount %s   total %s%n", yuan(cart.priced().discountTotal()), yuan(cart.priced().total()));
    }

    static void report(PrintStream out, ShiftReport report) {
        out.printf("%s report, shift opened by %s, float %s%n", report.kind(), report.openedBy(), yuan(report.floatAmount()));
        out.printf("  sales %d  %s   refunds %d  %s   discounts %s   voids %d  %s%n", report.salesCount(),
                yuan(report.salesTotal()), report.refundsCount(), yuan(report.refundsTotal()), yuan(report.discountTotal()),
                report.voidsCount(), yuan(report.voidsAmount()));
        report.byTender().forEach(t -> out.printf("  %-14s sales %10s  refunds %10s  net %10s%n", t.method(),
                yuan(t.sales()), yuan(t.refunds()), yuan(t.net())));
        if (report.topUpsCount() > 0 || report.topUpRefundsTotal() > 0) {
            // stored value sold is money in the drawer, but not takings from sales
            out.printf("  stored value top-ups %d  %s   top-ups refunded %s%n", report.topUpsCount(), yuan(report.topUpsTotal()),
                    yuan(report.topUpRefundsTotal()));
            report.topUpsByTender().forEach(t -> out.printf("  %-14s top-ups %8s  refunded %9s  net %10s%n", t.method(),
                    yuan(t.sales()), yuan(t.refunds()), yuan(t.net())));
        }
        out.printf("  cash in %s  cash out %s  expected cash %s%s%n", yuan(report.cashIn()), yuan(report.cashOut()),
                yuan(report.expectedCash()), report.countedCash() == null ? ""
                        : "  counted " + yuan(report.countedCash()) + "  difference " + yuan(report.difference()));
    }
}
