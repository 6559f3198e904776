package io.chainpos.server.tills;

import io.chainpos.server.db.Database;
import io.chainpos.server.web.Cursor;
import io.chainpos.server.web.ListRequest;
import io.chainpos.server.web.Slice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code tills} and {@code till_tokens} tables the enrollment fills, beside the {@code till_activity} row
 * sync keeps per till and the log's newest sequence (how much a till has still to pull).
 */
public final class JdbcEnrolledTills implements EnrolledTills {
    private static final String SELECT = """
            SELECT t.till_id, t.store_id, t.current_epoch, t.revoked_ms,
                   (SELECT COUNT(*) FROM till_tokens k WHERE k.till_id = t.till_id AND k.revoked_ms IS NULL) AS live,
                   a.last_push_ms, a.last_pull_ms, a.contact_ms, a.pulled_to, a.pull_lag, a.app_version,
                   (SELECT h.last_seq FROM log_head h WHERE h.id = 1) AS head
            FROM tills t LEFT JOIN till_activity a ON a.till_id = t.till_id
            """;

    private final Database db;
    private final Runnable contactsWritten;

    public JdbcEnrolledTills(Database db) {
        this(db, () -> { });
    }

    /** Reads after {@code contactsWritten} has run: the contacts sync gathered in memory are written first. */
    public JdbcEnrolledTills(Database db, Runnable contactsWritten) {
        this.db = db;
        this.contactsWritten = contactsWritten;
    }

    @Override
    public Slice<Till> list(Optional<String> store, ListRequest request) {
        ListRequest.Keyset keyset = request.keyset();
        List<Object> args = new ArrayList<>(keyset.args());
        StringBuilder where = new StringBuilder(keyset.where());
        Optional<String> narrowed = store.or(() -> request.filter("store"));
        narrowed.ifPresent(s -> {
            where.append(" AND t.store_id = ?");
            args.add(s);
        });
        args.add(request.size() + 1);
        String sql = SELECT + " WHERE " + where + " ORDER BY " + keyset.orderBy() + " LIMIT ?";
        contactsWritten.run();
        List<Till> rows = db.read(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < args.size(); i++) {
                query.bind(i, args.get(i));
            }
            return withNotReceived(h, query.map((rs, ctx) -> till(rs)).list());
        });
        return request.slice(rows, till -> new Cursor(switch (request.sort().name()) {
            case "store" -> till.store();
            case "contact" -> Long.toString(till.lastContact() == null ? 0 : till.lastContact().toEpochMilli());
            default -> till.tillId();
        }, till.tillId()));
    }

    @Override
    public Optional<Till> find(String tillId) {
        contactsWritten.run();
        return db.read(h -> h.createQuery(SELECT + " WHERE t.till_id = :till").bind("till", tillId)
                .map((rs, ctx) -> till(rs)).findOne().map(till -> withNotReceived(h, List.of(till)).getFirst()));
    }

    /**
     * The tills with what each said its ledger holds and this server has not received ({@code till_held}, kept by sync
     * as pushes say it, against the log's {@code till_marks}).
     */
    private static List<Till> withNotReceived(org.jdbi.v3.core.Handle h, List<Till> tills) {
        if (tills.isEmpty()) {
            return tills;
        }
        java.util.Map<String, List<NotReceived>> missing = new java.util.HashMap<>();
        h.createQuery("""
                        SELECT d.till_id, d.till_epoch, COALESCE(m.acked_through, 0), d.held_through,
                               COALESCE(d.received_receipt, 0), COALESCE(d.last_receipt, 0)
                        FROM till_held d LEFT JOIN till_marks m ON m.till_id = d.till_id AND m.till_epoch = d.till_epoch
                        WHERE d.till_id IN (<tills>) AND d.held_through > COALESCE(m.acked_through, 0)
                        ORDER BY d.till_id, d.till_epoch""")
                .bindList("tills", tills.stream().map(Till::tillId).toList())
                .map((rs, ctx) -> {
                    io.chainpos.model.id.TillId till = io.chainpos.model.id.TillId.of(rs.getString(1));
                    int epoch = rs.getInt(2);
                    long received = rs.getLong(5);
                    long last = rs.getLong(6);
                    boolean receipts = last > received;
                    missing.computeIfAbsent(till.value(), t -> new ArrayList<>()).add(new NotReceived(epoch, rs.getLong(3) + 1,
                            rs.getLong(4), receipts ? io.chainpos.model.id.ReceiptNo.numbered(till, epoch, received + 1).value() : null,
                            receipts ? io.chainpos.model.id.ReceiptNo.numbered(till, epoch, last).value() : null,
                            receipts ? last - received : 0));
                    return null;
                }).forEach(ignored -> { });
        return tills.stream().map(t -> new Till(t.tillId(), t.store(), t.epoch(), t.live(), t.revoked(), t.lastPush(), t.lastPull(),
                t.lastContact(), t.waiting(), t.pullLag(), t.appVersion(), missing.getOrDefault(t.tillId(), List.of()))).toList();
    }

    private static Till till(ResultSet rs) throws SQLException {
        Long pulledTo = rs.getObject(7) == null ? null : rs.getLong(9);
        Long waiting = pulledTo == null ? null : Math.max(0, rs.getLong(12) - pulledTo);
        return new Till(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(5) > 0, instant(rs, 4), instant(rs, 6),
                instant(rs, 7), instant(rs, 8), waiting, rs.getObject(7) == null ? null : rs.getLong(10), rs.getString(11), List.of());
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
    }
}
