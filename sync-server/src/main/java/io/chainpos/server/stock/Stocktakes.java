package io.chainpos.server.stock;

import java.util.List;
import java.util.Optional;

/** What head office's stocktake pages read: the stocktakes approved at the tills, with their lines. */
public interface Stocktakes {

    /** One approved stocktake; {@code lines} are every product counted, in SKU order. */
    record Stocktake(String stocktakeNo, String storeId, String scopeKind, String scopeLabel, String startedAt, String approvedAt,
                     String countedBy, String approvedBy, String approverName, boolean uncountedAsZero, List<Line> lines) {
        public record Line(String sku, long countedMilli, long onHandMilli, long differenceMilli) {
        }
    }

    /** Stocktakes of {@code store} (or every store), newest first, at most {@code limit}. */
    List<Stocktake> approved(Optional<String> store, int limit);
}
