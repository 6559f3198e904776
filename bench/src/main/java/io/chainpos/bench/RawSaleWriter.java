package io.chainpos.bench;

import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.pricing.CartItem;
import io.chainpos.till.catalog.Product;
import io.chainpos.till.sale.Checkout;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.sqlite.SQLiteConfig;

/**
 * The floor for the till's commit: the very rows one real sale writes (its event envelopes, the
 * sale row and lines, stock upserts, the points entry, the receipt counter), inserted with plain JDBC and
 * reused prepared statements into the same tables, same pragmas, same disk, and committed. No pricing, no
 * JSON writing, no projections: only what SQLite must do.
 */
final class RawSaleWriter implements AutoCloseable {
    private final Path dir;
    private Connection db;
    private final List<String> envelopes = new ArrayList<>();
    private final List<Object[]> lines = new ArrayList<>();
    private String salePayload;
    private PreparedStatement insertEvent;
    private PreparedStatement insertSale;
    private PreparedStatement insertLine;
    private PreparedStatement upsertStock;
    private PreparedStatement insertPoints;
    private PreparedStatement nextReceipt;
    private long seq;

    RawSaleWriter(Path dir) throws SQLException {
        this.dir = dir;
        List<String> ddl;
        try (BenchTill till = new BenchTill(dir.resolve("sample.db"), 100)) {
            List<CartItem> items = new ArrayList<>();
            for (int n = 0; n < 5; n++) {
                int i = n;
                Product p = till.ledger.read(s -> till.catalog.findBySku(s, BenchTill.sku(i * 7).value(), till.clock.instant()))
                        .orElseThrow();
                items.add(new CartItem(n + 1, p.sku(), p.nameZh(), p.category(), 1000 + n * 1000, false, p.price(),
                        p.memberPrice(), null, 0));
            }
            long total = till.checkout.quote(items, till.member, Set.of()).total();
            long before = till.ledger.read(s -> s.handle().createQuery("SELECT MAX(till_seq) FROM ledger_events").mapTo(Long.class).one());
            Checkout.Completed sale = (Checkout.Completed) till.checkout.complete(new Checkout.Order(items, 0, till.member,
                    Set.of(), List.of(new Tender(TenderMethod.CASH, total + 1000, null)), "bench"));
            till.ledger.read(s -> {
                envelopes.addAll(s.handle().createQuery("SELECT envelope FROM ledger_events WHERE till_seq > :b ORDER BY till_seq")
                        .bind("b", before).mapTo(String.class).list());
                salePayload = s.handle().createQuery("SELECT payload FROM sales WHERE sale_id = :id")
                        .bind("id", sale.sale().saleId().toString()).mapTo(String.class).one();
                for (Map<String, Object> row : s.handle().createQuery("SELECT * FROM sale_lines WHERE sale_id = :id ORDER BY line_no")
                        .bind("id", sale.sale().saleId().toString()).mapToMap().list()) {
                    lines.add(new Object[] {row.get("sku"), row.get("name"), row.get("qty_milli"), row.get("unit_price"),
                            row.get("discount"), row.get("total")});
                }
                return null;
            });
            ddl = till.ledger.read(s -> s.handle().createQuery("SELECT sql FROM sqlite_master WHERE type IN ('table', 'index') "
                    + "AND sql IS NOT NULL AND tbl_name IN ('ledger_events', 'sales', 'sale_lines', 'stock_levels', "
                    + "'points_entries', 'till_state')").mapTo(String.class).list());
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setGetGeneratedKeys(false); // as the till's ledger: no SELECT last_insert_rowid() after each INSERT
        db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("raw.db").toAbsolutePath(), config.toProperties());
        try (Statement st = db.createStatement()) {
            for (String statement : ddl) {
                st.execute(statement);
            }
        }
        db.setAutoCommit(false);
        insertEvent = db.prepareStatement("INSERT INTO ledger_events (till_epoch, till_seq, event_id, type, hlc, occurred_at, "
                + "envelope) VALUES (1, ?, ?, 'Event', ?, '2026-11-23T02:00:00Z', ?)");
        insertSale = db.prepareStatement("INSERT INTO sales (sale_id, receipt_no, store_id, till_id, member_id, total, currency, "
                + "occurred_at, event_id, payload) VALUES (?, ?, 'S001', 'S001-T1', 'm', 100, 'CNY', '2026-11-23T02:00:00Z', ?, ?)");
        insertLine = db.prepareStatement("INSERT INTO sale_lines (sale_id, line_no, sku, name, qty_milli, unit_price, discount, "
                + "total) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        upsertStock = db.prepareStatement("INSERT INTO stock_levels (sku, qty_milli) VALUES (?, ?) "
                + "ON CONFLICT (sku) DO UPDATE SET qty_milli = qty_milli + excluded.qty_milli");
        insertPoints = db.prepareStatement("INSERT INTO points_entries (event_id, member_id, delta, reason, sale_id, occurred_at) "
                + "VALUES (?, 'm', 10, 'EARN', ?, '2026-11-23T02:00:00Z')");
        nextReceipt = db.prepareStatement("INSERT INTO till_state (name, value) VALUES ('receipt.1', 1) "
                + "ON CONFLICT (name) DO UPDATE SET value = value + 1");
    }

    long commit() throws SQLException {
        String saleId = UUID.randomUUID().toString();
        nextReceipt.executeUpdate();
        for (String envelope : envelopes) {
            seq++;
            insertEvent.setLong(1, seq);
            insertEvent.setString(2, UUID.randomUUID().toString());
            insertEvent.setLong(3, seq);
            insertEvent.setString(4, envelope);
            insertEvent.executeUpdate();
        }
        insertSale.setString(1, saleId);
        insertSale.setString(2, "R" + seq);
        insertSale.setString(3, saleId);
        insertSale.setString(4, salePayload);
        insertSale.executeUpdate();
        for (int i = 0; i < lines.size(); i++) {
            Object[] line = lines.get(i);
            insertLine.setString(1, saleId);
            insertLine.setInt(2, i + 1);
            for (int c = 0; c < line.length; c++) {
                insertLine.setObject(c + 3, line[c]);
            }
            insertLine.executeUpdate();
            upsertStock.setObject(1, line[0]);
            upsertStock.setLong(2, -((Number) line[2]).longValue());
            upsertStock.executeUpdate();
        }
        insertPoints.setString(1, UUID.randomUUID().toString());
        insertPoints.setString(2, saleId);
        insertPoints.executeUpdate();
        db.commit();
        return seq;
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
