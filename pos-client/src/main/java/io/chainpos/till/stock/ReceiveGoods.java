package io.chainpos.till.stock;

import io.chainpos.model.event.Discrepancy;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.StockLine;
import io.chainpos.model.event.StockReceived;
import io.chainpos.model.id.Sku;
import io.chainpos.till.TillMessage;
import io.chainpos.till.catalog.CatalogStore;
import io.chainpos.till.ledger.Ledger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Books goods from a supplier into this store's stock (入库), against the supplier's delivery note: what differs
 * from the note (short, over, damaged) is recorded with the receipt; broken goods stay out of stock.
 */
public final class ReceiveGoods {

    public sealed interface Result permits Received, Refused {
    }

    public record Received(StockReceived receipt) implements Result {
        public TillMessage message() {
            return TillMessage.of(TillMessage.Code.STOCK_RECEIVED, receipt.receiptNo(), receipt.lines().size(),
                    receipt.discrepancies().size());
        }
    }

    public record Refused(TillMessage reason) implements Result {
    }

    private final Ledger ledger;
    private final CatalogStore catalog;

    public ReceiveGoods(Ledger ledger, CatalogStore catalog) {
        this.ledger = ledger;
        this.catalog = catalog;
    }

    public Result receive(String supplier, String deliveryNote, List<StockEntry> entries, String receivedBy) {
        return ledger.write(tx -> {
            Map<Sku, Counted.Sums> counted;
            switch (Counted.inCatalog(tx, catalog, tx.now(), entries)) {
                case Counted.Refused refused -> {
                    return new Refused(refused.reason());
                }
                case Counted.Good good -> counted = good.bySku();
            }
            List<StockLine> lines = new ArrayList<>();
            List<Discrepancy> discrepancies = new ArrayList<>();
            counted.forEach((sku, sums) -> {
                if (sums.quantity() > 0) {
                    lines.add(new StockLine(sku, sums.quantity(), null));
                }
                long documented = sums.expected() == null ? sums.quantity() + sums.damaged() : sums.expected();
                discrepancies.addAll(Discrepancies.of(sku, documented, sums.quantity(), sums.damaged()));
            });
            if (lines.isEmpty() && discrepancies.isEmpty()) {
                return new Refused(TillMessage.of(TillMessage.Code.STOCK_NOTHING_TO_BOOK));
            }
            String receiptNo = "%s-%d-G%06d".formatted(tx.identity().tillId().value(), tx.identity().epoch(),
                    tx.nextNumber("goods." + tx.identity().epoch()));
            StockReceived receipt = new StockReceived(receiptNo, tx.identity().storeId(), blankToNull(supplier),
                    blankToNull(deliveryNote), lines, discrepancies, receivedBy);
            tx.append(receipt);
            for (StockLine line : lines) {
                tx.append(new StockChanged(tx.identity().storeId(), line.sku(), line.qtyMilli(), StockChanged.Reason.RECEIPT,
                        receiptNo));
            }
            return new Received(receipt);
        });
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
