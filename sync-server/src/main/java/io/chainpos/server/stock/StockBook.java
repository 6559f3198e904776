package io.chainpos.server.stock;

import java.util.List;
import java.util.Optional;

/** What head office's stock pages read: stock per store and for the chain, transfers, discrepancies. */
public interface StockBook {

    /** One SKU's stock in one store, in thousandths. */
    record Level(String storeId, String sku, long qtyMilli) {
    }

    /** A transfer with its lines: {@code arrivedMilli} null until received. */
    record Transfer(String transferId, String transferNo, String fromStore, String toStore, String status, String sentAt,
                    String closedAt, List<Line> lines) {
        public record Line(String sku, long sentMilli, Long arrivedMilli) {
        }
    }

    /** One SKU across the chain: its total, in how many stores it has a row, and in how many it is below zero. */
    record Summary(String sku, long totalMilli, long stores, long belowZero) {
    }

    record Discrepancy(String documentNo, String documentKind, String storeId, String sku, String reason, long qtyMilli,
                       String occurredAt) {
    }

    /** Stock of every store (or one), by SKU then store; at most {@code limit} rows from the first SKU after {@code afterSku}. */
    List<Level> levels(Optional<String> store, String afterSku, int limit);

    /** The chain's stock per SKU, from the first SKU after {@code afterSku}, at most {@code limit} SKUs. */
    List<Summary> summaries(String afterSku, int limit);

    /** Transfers with this status (IN_TRANSIT, RECEIVED, CANCELLED) to or from {@code store} (or any), newest first. */
    List<Transfer> transfers(String status, Optional<String> store, int limit);

    /** Discrepancies found on arrival at {@code store} (or any), newest first. */
    List<Discrepancy> discrepancies(Optional<String> store, int limit);
}
