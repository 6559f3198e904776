package io.chainpos.server.stock;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What the planning pages read: stock, inbound transfers and minimums per store and product; the proposals. */
public interface StockPlanBook {

    /** A store's stock of a product, what is on its way to it, and its minimum (0 when none), in thousandths. */
    record Stock(String store, String sku, long onHandMilli, long inboundMilli, long minimumMilli) {
    }

    /** A store and product: where a page of positions starts (after it). */
    record Key(String store, String sku) implements Comparable<Key> {
        private static final java.util.Comparator<Key> ORDER = java.util.Comparator.comparing(Key::store).thenComparing(Key::sku);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    /**
     * Up to {@code limit} of every store's (or one store's) products with stock, goods on the way or a minimum, in
     * store then SKU order, after {@code after}: read by key, so a page costs the same wherever it starts.
     */
    List<Stock> stockPage(Optional<String> store, Optional<Key> after, int limit);

    /** Every store's position in each of {@code skus} (stock, goods on the way or a minimum), in store then SKU order. */
    List<Stock> stockOf(Collection<String> skus);

    /** Up to {@code limit} products with stock, goods on the way or a minimum anywhere, in SKU order after {@code after}. */
    List<String> skuPage(Optional<String> after, int limit);

    /**
     * Every store (or one) and product with a minimum above zero and less than it on hand, in store then SKU order:
     * read from the minimums, so it costs what the chain's minimums cost, not its whole stock.
     */
    List<Stock> belowMinimum(Optional<String> store);

    record Minimum(String store, String sku, long minimumMilli, String setBy, String setAt) {
    }

    /** Minimums above 0 of every store (or one), in store then SKU order. */
    List<Minimum> minimums(Optional<String> store);

    /** A proposal and where it stands: PROPOSED until the sender ships it, then SHIPPED, RECEIVED or CANCELLED. */
    record Proposal(String transferId, String proposalNo, String fromStore, String toStore, String status, String proposedBy,
                    String note, String proposedAt, List<Line> lines) {
        public record Line(String sku, long qtyMilli) {
        }
    }

    /** Proposals from or to {@code store} (or any), newest first. */
    List<Proposal> proposals(Optional<String> store, int limit);

    /** Whether any stock of {@code store} ever moved or a minimum was set for it. */
    boolean knowsStore(String store);

    /** Whether any stock of {@code sku} ever moved in any store. */
    boolean knowsSku(String sku);

    /** How many proposals were ever made (numbering the next). */
    long proposalCount();
}
