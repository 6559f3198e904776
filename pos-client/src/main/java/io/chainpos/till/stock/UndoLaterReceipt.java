package io.chainpos.till.stock;

import io.chainpos.model.event.StockChanged;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.till.ledger.Ledger;
import java.util.List;

/**
 * A transfer is received once, even at two tills of the store that received it before either pulled the other's
 * receipt: of the receipts of one transfer, the one with the earliest stamp (hlc, till, event id; the chain's one order)
 * counts. After every pull, this till takes back the goods of any receipt of its own that another till's earlier
 * receipt outranks, with an {@code ADJUST} movement per product referenced {@code <transfer no>#received-twice}, once.
 * Every till and the server then sum the transfer's goods in once; head office still sees the conflict it was.
 */
public final class UndoLaterReceipt {
    /** What the taking-back movements' reference ends with, after the transfer's number. */
    public static final String REFERENCE_SUFFIX = "#received-twice";

    private static final String OUTRANKED = """
            SELECT t.transfer_no, t.to_store, mine.transfer_id FROM transfer_receipts mine
            JOIN transfers t ON t.transfer_id = mine.transfer_id
            WHERE mine.till_id = :till
              AND EXISTS (SELECT 1 FROM transfer_receipts other WHERE other.transfer_id = mine.transfer_id
                          AND other.till_id <> mine.till_id
                          AND (other.hlc < mine.hlc OR (other.hlc = mine.hlc AND (other.till_id < mine.till_id
                               OR (other.till_id = mine.till_id AND other.event_id < mine.event_id)))))
              AND NOT EXISTS (SELECT 1 FROM transfer_receipts_undone u WHERE u.transfer_no = t.transfer_no AND u.till_id = mine.till_id)
            ORDER BY t.transfer_no""";

    private record Outranked(String transferNo, String toStore, String transferId) {
    }

    private record Line(String sku, long qtyMilli) {
    }

    private final Ledger ledger;

    public UndoLaterReceipt(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Takes back what this till's outranked receipts put into stock; returns how many receipts it undid. */
    public int undo() {
        return ledger.write(tx -> {
            String till = tx.identity().tillId().value();
            List<Outranked> outranked = tx.handle().createQuery(OUTRANKED).bind("till", till)
                    .map((rs, ctx) -> new Outranked(rs.getString(1), rs.getString(2), rs.getString(3))).list();
            for (Outranked receipt : outranked) {
                List<Line> lines = tx.handle().createQuery("""
                                SELECT sku, qty_milli FROM transfer_receipt_lines WHERE transfer_id = :id AND till_id = :till ORDER BY sku""")
                        .bind("id", receipt.transferId()).bind("till", till)
                        .map((rs, ctx) -> new Line(rs.getString(1), rs.getLong(2))).list();
                for (Line line : lines) {
                    if (line.qtyMilli() > 0) {
                        tx.append(new StockChanged(StoreId.of(receipt.toStore()), Sku.of(line.sku()), -line.qtyMilli(),
                                StockChanged.Reason.ADJUST, receipt.transferNo() + REFERENCE_SUFFIX));
                    }
                }
                if (lines.stream().noneMatch(l -> l.qtyMilli() > 0)) {
                    // Nothing arrived by this receipt: nothing to take back, but it is settled all the same.
                    tx.handle().execute("INSERT OR IGNORE INTO transfer_receipts_undone (transfer_no, till_id) VALUES (?, ?)",
                            receipt.transferNo(), till);
                }
            }
            return outranked.size();
        });
    }
}
