package io.chainpos.server.sales;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * "Members who buy X also buy Y", counted in members (a person merged from several ids once) who bought in a
 * period's local days, at one store or all, as kept at ingest.
 */
public interface CoPurchases {

    /** A product and how many members bought it in the period. */
    record Bought(String sku, String nameZh, String nameEn, long members) {
    }

    /**
     * Y beside X: members who bought both, and members who bought Y; with the members who bought X and everyone who
     * bought anything, the support, confidence and lift of "X then Y".
     */
    record Pair(String sku, String nameZh, String nameEn, long both, long buyersOfY) {
        /** Of all members who bought anything, the share who bought both. */
        public double support(long members) {
            return members == 0 ? 0 : (double) both / members;
        }

        /** Of the members who bought X, the share who also bought Y. */
        public double confidence(long buyersOfX) {
            return buyersOfX == 0 ? 0 : (double) both / buyersOfX;
        }

        /** How many times likelier Y is among X's buyers than among all members (1: no more than chance). */
        public double lift(long members, long buyersOfX) {
            return buyersOfX == 0 || buyersOfY == 0 ? 0 : (double) both * members / ((double) buyersOfX * buyersOfY);
        }
    }

    /** Members who bought anything in the period. */
    long members(SalesFacts.Filter filter);

    /** The products most members bought, most first (then by SKU), at most {@code limit}. */
    List<Bought> mostBought(SalesFacts.Filter filter, int limit);

    /** The product and the members who bought it in the period (none: 0, names empty when the catalog lacks it). */
    Bought buyers(SalesFacts.Filter filter, String sku);

    /** What the buyers of {@code sku} also bought, by members who bought both, most first (then by SKU). */
    List<Pair> alsoBought(SalesFacts.Filter filter, String sku, int limit);

    /**
     * The members (survivor ids) who bought {@code sku} on a store's local day from {@code fromEpochDay} on (any day:
     * {@link Long#MIN_VALUE}), read through the table's index by product and day.
     */
    java.util.Set<String> buyersSince(String sku, long fromEpochDay);

    /** For each of {@code others}, members who bought it and {@code sku} in the period (absent: none). */
    Map<String, Long> bothWith(SalesFacts.Filter filter, String sku, Collection<String> others);
}
