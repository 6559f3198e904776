package io.chainpos.till.stock;

import io.chainpos.model.event.Discrepancy;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TransferId;
import io.chainpos.till.ledger.LedgerSession;
import java.util.List;
import java.util.Optional;

/** Reads the transfers this till has seen, by number and by what is in transit. */
public final class TransferStore {

    public Optional<Transfer> byNumber(LedgerSession session, String transferNo) {
        return session.handle().createQuery("SELECT transfer_id FROM transfers WHERE transfer_no = :no ORDER BY transfer_id LIMIT 1")
                .bind("no", transferNo)
                .mapTo(String.class)
                .findOne()
                .map(id -> byId(session, TransferId.parse(id)).orElseThrow());
    }

    public Optional<Transfer> byId(LedgerSession session, TransferId id) {
        var h = session.handle();
        return h.createQuery("SELECT transfer_no, from_store, to_store, status FROM transfers WHERE transfer_id = :id")
                .bind("id", id.toString())
                .map((rs, ctx) -> new Transfer(id, rs.getString(1), StoreId.of(rs.getString(2)), StoreId.of(rs.getString(3)),
                        Transfer.Status.valueOf(rs.getString(4)),
                        h.createQuery("SELECT sku, sent_milli, arrived_milli FROM transfer_lines WHERE transfer_id = :id ORDER BY sku")
                                .bind("id", id.toString())
                                .map((l, c) -> new Transfer.Line(new Sku(l.getString(1)), l.getLong(2),
                                        l.getObject(3) == null ? null : l.getLong(3)))
                                .list(),
                        h.createQuery("SELECT sku, qty_milli, reason FROM transfer_discrepancies WHERE transfer_id = :id ORDER BY sku, reason")
                                .bind("id", id.toString())
                                .map((d, c) -> new Discrepancy(new Sku(d.getString(1)), d.getLong(2),
                                        Discrepancy.Reason.valueOf(d.getString(3)), null))
                                .list()))
                .findOne();
    }

    /** Transfers still on the road to or from {@code store}, oldest first. */
    public List<Transfer> inTransit(LedgerSession session, StoreId store) {
        return session.handle().createQuery("""
                        SELECT transfer_id FROM transfers WHERE status = 'IN_TRANSIT' AND (from_store = :s OR to_store = :s)
                        ORDER BY transfer_id""")
                .bind("s", store.value())
                .mapTo(String.class)
                .list().stream()
                .map(id -> byId(session, TransferId.parse(id)).orElseThrow())
                .toList();
    }

    /** How much of {@code sku} is on its way to {@code store} (sent by another store, not received or cancelled yet). */
    public long incomingMilli(LedgerSession session, StoreId store, Sku sku) {
        return inTransitMilli(session, "to_store", store, sku);
    }

    /** How much of {@code sku} {@code store} sent that has not arrived or come back yet. */
    public long outgoingMilli(LedgerSession session, StoreId store, Sku sku) {
        return inTransitMilli(session, "from_store", store, sku);
    }

    private static long inTransitMilli(LedgerSession session, String column, StoreId store, Sku sku) {
        return session.handle().createQuery("SELECT COALESCE(SUM(l.sent_milli), 0) FROM transfers t "
                        + "JOIN transfer_lines l ON l.transfer_id = t.transfer_id "
                        + "WHERE t.status = 'IN_TRANSIT' AND t." + column + " = :store AND l.sku = :sku")
                .bind("store", store.value())
                .bind("sku", sku.value())
                .mapTo(Long.class)
                .one();
    }

    /** One of this till's transfer receipts that another till's earlier receipt of the same transfer outranks. */
    public record OutrankedReceipt(String transferNo, String toStore, String transferId) {
    }

    /** A product and quantity one till's receipt put into stock. */
    public record ReceivedLine(String sku, long qtyMilli) {
    }

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

    /** This till's receipts that an earlier receipt at another till outranks and that are not taken back yet. */
    public List<OutrankedReceipt> outrankedReceipts(LedgerSession session, String till) {
        return session.handle().createQuery(OUTRANKED).bind("till", till)
                .map((rs, ctx) -> new OutrankedReceipt(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /** What {@code till}'s receipt of a transfer put into stock, by product. */
    public List<ReceivedLine> receivedLines(LedgerSession session, String transferId, String till) {
        return session.handle().createQuery("""
                        SELECT sku, qty_milli FROM transfer_receipt_lines WHERE transfer_id = :id AND till_id = :till ORDER BY sku""")
                .bind("id", transferId).bind("till", till)
                .map((rs, ctx) -> new ReceivedLine(rs.getString(1), rs.getLong(2))).list();
    }

    /** Marks an outranked receipt that brought nothing as settled, so it is not looked at again. */
    public void settleReceipt(LedgerSession session, String transferNo, String till) {
        session.handle().execute("INSERT OR IGNORE INTO transfer_receipts_undone (transfer_no, till_id) VALUES (?, ?)",
                transferNo, till);
    }
}
