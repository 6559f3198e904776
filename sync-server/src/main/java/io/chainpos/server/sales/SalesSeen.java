package io.chainpos.server.sales;

import io.chainpos.server.web.ListRequest;
import io.chainpos.server.web.ListSpec;
import io.chainpos.server.web.Slice;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Each store's sales and refunds as their events arrived, newest first, a page at a time by key. */
public interface SalesSeen {
    ListSpec LIST = new ListSpec(List.of(
            new ListSpec.Column("time", "occurred_ms", true),
            new ListSpec.Column("total", "total", true),
            new ListSpec.Column("receipt", "receipt_no", false)),
            new ListSpec.Column("id", "doc_id", false), "time", true, Set.of("receipt"), 50);

    /** The page of {@code store}'s sales; filter {@code receipt}: a receipt number's beginning. */
    Slice<SaleSeen> list(String store, ListRequest request);

    /** A store with sales seen: how many documents and when the newest happened. */
    record StoreSales(String storeId, long documents, Instant newest) {
    }

    /** Every store with sales seen, in store order. */
    List<StoreSales> stores();
}
