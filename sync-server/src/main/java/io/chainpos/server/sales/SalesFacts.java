package io.chainpos.server.sales;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sales facts, summed for a period of local days and one store or the whole chain. Amounts are minor units,
 * quantities thousandths; "net" is what was sold after discounts less what was refunded in the period.
 */
public interface SalesFacts {

    /** One store ({@code store} present) or every store, from {@code from} to {@code to}, both included. */
    record Filter(Optional<String> store, LocalDate from, LocalDate to) {
        public Filter {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("a period ends on or after its start: " + from + " to " + to);
            }
        }

        /** As many days, just before. */
        public Filter previous() {
            long days = to.toEpochDay() - from.toEpochDay() + 1;
            return new Filter(store, from.minusDays(days), from.minusDays(1));
        }
    }

    /** Sales and refunds summed: baskets sold, items (thousandths), gross, discounts, sold net, refunds and refunded. */
    record Totals(long baskets, long itemsMilli, long gross, long discount, long sold, long refunds, long refunded) {
        public static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0, 0);

        public long net() {
            return sold - refunded;
        }

        public Totals plus(Totals other) {
            return new Totals(baskets + other.baskets, itemsMilli + other.itemsMilli, gross + other.gross,
                    discount + other.discount, sold + other.sold, refunds + other.refunds, refunded + other.refunded);
        }
    }

    /** The period's totals, and those of members' baskets alone. */
    record Summary(Totals all, Totals members) {
    }

    Summary summary(Filter filter);

    record StoreDay(String store, LocalDate day, Totals totals) {
    }

    /** Per store and day, in store then day order. */
    List<StoreDay> byStoreAndDay(Filter filter);

    record HourCell(LocalDate day, int hour, long baskets, long net) {
    }

    /** Per day and local hour with sales or refunds. */
    List<HourCell> byHour(Filter filter);

    /** A product: its names and category as the catalog gave them (empty when never described), sold and refunded. */
    record Item(String sku, String nameZh, String nameEn, String category, long qtyMilli, long gross, long discount, long sold,
                long refundQtyMilli, long refunded) {
        public long net() {
            return sold - refunded;
        }

        public long netQtyMilli() {
            return qtyMilli - refundQtyMilli;
        }
    }

    /** Every product sold or refunded in the period, in SKU order. */
    List<Item> items(Filter filter);

    /**
     * The net quantity (sold less refunded, thousandths) of each of {@code skus} at {@code store} over the days
     * {@code from} to {@code to}, both included; a product that sold nothing is absent. Found product by product, so
     * it costs what the products asked for cost, not every product the store sold.
     */
    Map<String, Long> netQtyAt(String store, Collection<String> skus, LocalDate from, LocalDate to);

    /**
     * The period's best and slowest sellers, ranked from one summing of its products. Best: the {@code limit} products
     * that sold most (net sales less refunds), the greatest first, ties in SKU order, as {@link #items} sums them. Slowest:
     * the {@code limit} products that sold least (net quantity, then net sales, then SKU), counting every product the
     * catalog describes, those not sold at all first.
     */
    Ranking ranking(Filter filter, int limit);

    record Ranking(List<Item> best, List<Item> slowest) {
    }

    record Category(String category, long qtyMilli, long sold, long refunded) {
        public long net() {
            return sold - refunded;
        }
    }

    /** Per category (the product's when sold; empty when the catalog did not say), in category order. */
    List<Category> categories(Filter filter);

    record TenderMix(String method, long paidCount, long paid, long refundCount, long refunded) {
        public long net() {
            return paid - refunded;
        }
    }

    /** Per way of paying, in method order: cash counts what the drawer kept (change given back is not paid). */
    List<TenderMix> tenders(Filter filter);

    record PromotionCost(String code, String name, long applied, long amount) {
    }

    /** Per promotion, in code order: how often it applied and what it took off, as rung up. */
    List<PromotionCost> promotions(Filter filter);

    /** What was refunded of a sale so far by the refunds that name it, wherever and whenever they were rung up. */
    long refundedOf(String saleId);
}
