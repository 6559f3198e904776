package io.chainpos.server.store;

import io.chainpos.model.event.AuditEvent;
import io.chainpos.model.event.BalanceEvent;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.HeadOfficeEvent;
import io.chainpos.model.event.MemberProfileChanged;
import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.event.MembersMerged;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.SaleEvent;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.StoredValueChanged;
import io.chainpos.model.event.UnknownEvent;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.merge.ProfileField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Merges one stored event into the projections, in the caller's transaction, and says what head office
 * must look at. It is the only code that writes projections, for ingest and for rebuild alike, so a
 * rebuild from the log cannot disagree with what was built incrementally.
 */
final class JdbcProjector {

    // Last writer wins by (hlc, till_id, event_id), the order of FieldWrite.LAST_WRITER_LAST.
    private static final String UPSERT_FIELD = """
            INSERT INTO member_fields (member_id, field, value, hlc, till_id, event_id) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (member_id, field) DO UPDATE
            SET value = excluded.value, hlc = excluded.hlc, till_id = excluded.till_id, event_id = excluded.event_id
            WHERE excluded.hlc > member_fields.hlc
               OR (excluded.hlc = member_fields.hlc AND excluded.till_id > member_fields.till_id)
               OR (excluded.hlc = member_fields.hlc AND excluded.till_id = member_fields.till_id
                   AND excluded.event_id > member_fields.event_id)""";
    private static final String SURVIVOR = "SELECT survivor_id FROM member_aliases WHERE merged_id = ?";
    private static final String INSERT_ALIAS = "INSERT INTO member_aliases (merged_id, survivor_id) VALUES (?, ?)";
    private static final String REPOINT_ALIASES = "UPDATE member_aliases SET survivor_id = ? WHERE survivor_id = ?";
    private static final String INSERT_DELTA = """
            INSERT INTO balance_deltas (event_id, member_id, account, delta) VALUES (?, ?, ?, ?)
            ON CONFLICT (event_id) DO NOTHING""";
    private static final String ADD_TO_BALANCE = """
            INSERT INTO member_balances (member_id, points, stored_value) VALUES (?, ?, ?)
            ON CONFLICT (member_id) DO UPDATE
            SET points = member_balances.points + excluded.points,
                stored_value = member_balances.stored_value + excluded.stored_value""";
    static final String BALANCE_OF_SURVIVOR = """
            SELECT COALESCE(SUM(points), 0), COALESCE(SUM(stored_value), 0) FROM member_balances
            WHERE member_id = ? OR member_id IN (SELECT merged_id FROM member_aliases WHERE survivor_id = ?)""";
    private static final String ADD_TO_STOCK = """
            INSERT INTO stock (store_id, sku, qty_milli) VALUES (?, ?, ?)
            ON CONFLICT (store_id, sku) DO UPDATE SET qty_milli = stock.qty_milli + excluded.qty_milli
            RETURNING qty_milli""";

    /** Merges {@code event}; returns the exceptions it raises (overdraft, negative stock, unreadable). */
    List<SyncException> apply(SqlSession sql, EventEnvelope event, Instant now) {
        List<SyncException> found = new ArrayList<>();
        switch (event.payload()) {
            case MemberRegistered registered ->
                    writeFields(sql, event, registered.memberId().toString(), ProfileField.writtenBy(registered));
            case MemberProfileChanged changed ->
                    writeFields(sql, event, changed.memberId().toString(), ProfileField.writtenBy(changed));
            case MembersMerged merged -> merge(sql, merged);
            case BalanceEvent balance -> addDelta(sql, event, balance, now, found);
            case StockChanged stock -> addStock(sql, event, stock, now, found);
            // Sales feed head-office reports, which read the log; no projection merges them yet.
            case SaleEvent sale -> { }
            // Catalog, prices and rules reach the tills through pull; head office is their only writer.
            case HeadOfficeEvent headOffice -> { }
            // Drawer openings and approvals are kept in the log for head office's audit; nothing to merge.
            case AuditEvent audit -> { }
            case UnknownEvent unknown -> found.add(exception(SyncException.Kind.UNKNOWN_EVENT, event, now, unknown.why()));
        }
        return found;
    }

    private void writeFields(SqlSession sql, EventEnvelope event, String memberId, Map<ProfileField, String> fields) {
        fields.forEach((field, value) -> sql.update(UPSERT_FIELD, memberId, field.stored(), value, event.hlc(),
                event.tillId().value(), event.eventId().toString()));
    }

    /**
     * The merged member and everything merged into it before now stand for the survivor. Merges resolve
     * both sides first, so chains and crossing merges end in one survivor per person, never a cycle.
     */
    private void merge(SqlSession sql, MembersMerged merged) {
        String survivor = survivorOf(sql, merged.memberId().toString());
        String absorbed = survivorOf(sql, merged.mergedId().toString());
        if (survivor.equals(absorbed)) {
            return;
        }
        sql.update(INSERT_ALIAS, absorbed, survivor);
        sql.update(REPOINT_ALIASES, survivor, absorbed);
    }

    static String survivorOf(SqlSession sql, String memberId) {
        return sql.first(SURVIVOR, rs -> rs.getString(1), memberId).orElse(memberId);
    }

    private void addDelta(SqlSession sql, EventEnvelope event, BalanceEvent balance, Instant now, List<SyncException> found) {
        boolean points = balance instanceof PointsChanged;
        String memberId = balance.memberId().toString();
        int inserted = sql.update(INSERT_DELTA, event.eventId().toString(), memberId,
                points ? "POINTS" : "STORED_VALUE", balance.delta());
        if (inserted == 0) {
            return;
        }
        sql.update(ADD_TO_BALANCE, memberId, points ? balance.delta() : 0L, points ? 0L : balance.delta());
        if (balance.delta() >= 0) {
            return;
        }
        String survivor = survivorOf(sql, memberId);
        long[] balances = sql.first(BALANCE_OF_SURVIVOR, rs -> new long[] {rs.getLong(1), rs.getLong(2)}, survivor, survivor)
                .orElseThrow();
        long after = points ? balances[0] : balances[1];
        if (after < 0) {
            SyncException.Kind kind = balance instanceof StoredValueChanged
                    ? SyncException.Kind.STORED_VALUE_OVERDRAFT : SyncException.Kind.POINTS_OVERDRAFT;
            found.add(new SyncException(kind, survivor, after, event.storeId().value(), null, null,
                    event.tillId().value(), event.eventId().toString(),
                    (points ? "points" : "stored value") + " went below zero", now));
        }
    }

    private void addStock(SqlSession sql, EventEnvelope event, StockChanged stock, Instant now, List<SyncException> found) {
        long after = sql.first(ADD_TO_STOCK, rs -> rs.getLong(1),
                stock.storeId().value(), stock.sku().value(), stock.deltaMilli()).orElseThrow();
        if (stock.deltaMilli() < 0 && after < 0) {
            found.add(new SyncException(SyncException.Kind.NEGATIVE_STOCK, null, null, stock.storeId().value(),
                    stock.sku().value(), after, event.tillId().value(), event.eventId().toString(),
                    "stock went below zero (" + stock.reason() + ")", now));
        }
    }

    static SyncException exception(SyncException.Kind kind, EventEnvelope event, Instant now, String detail) {
        return new SyncException(kind, null, null, event.storeId().value(), null, null,
                event.tillId().value(), event.eventId().toString(), detail, now);
    }
}
