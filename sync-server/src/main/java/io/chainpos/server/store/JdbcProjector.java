package io.chainpos.server.store;

import io.chainpos.server.db.*;
import io.chainpos.model.event.AuditEvent;
import io.chainpos.model.event.BalanceEvent;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.HeadOfficeEvent;
import io.chainpos.model.event.MemberErased;
import io.chainpos.model.event.MemberEvent;
import io.chainpos.model.event.LoyaltyEvent;
import io.chainpos.model.event.MemberTierChanged;
import io.chainpos.model.event.MemberProfileChanged;
import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.event.MembersMerged;
import io.chainpos.model.event.SaleEvent;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.UnknownEvent;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.merge.ProfileField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Merges stored events into the projections, in the caller's transaction, and says what head office must
 * look at. It is the only code that writes projections, for ingest and for rebuild alike, so a rebuild from
 * the log cannot disagree with what was built incrementally.
 *
 * <p>A batch is merged set-wise (one JDBC batch per table, rows in key order so concurrent writers on
 * PostgreSQL lock them in the same order and cannot deadlock), and overdrafts and negative stock are then
 * found by replaying the batch's deltas in event order from the balances before it, exactly as merging
 * event by event would have found them.
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
    private static final String IS_ERASED = "SELECT 1 FROM erased_members WHERE member_id = ?";
    private static final String DELETE_KEY = "DELETE FROM member_keys WHERE member_id = ?";
    private static final String DELETE_FIELD = "DELETE FROM member_fields WHERE member_id = ? AND field = ?";
    private static final String MARK_ERASED = "INSERT INTO erased_members (member_id) VALUES (?) ON CONFLICT (member_id) DO NOTHING";
    private static final String SURVIVOR = "SELECT survivor_id FROM member_aliases WHERE merged_id = ?";
    private static final String INSERT_ALIAS = "INSERT INTO member_aliases (merged_id, survivor_id) VALUES (?, ?)";
    private static final String REPOINT_ALIASES = "UPDATE member_aliases SET survivor_id = ? WHERE survivor_id = ?";
    // No ON CONFLICT: an event's delta is new by construction; a conflict is a race the transaction retries.
    private static final String INSERT_DELTA = "INSERT INTO balance_deltas (event_id, member_id, account, delta, reason, bonus_part, "
            + "qualifying_spend, occurred_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ADD_TO_BALANCE = """
            INSERT INTO member_balances (member_id, points, stored_value, stored_value_bonus) VALUES (?, ?, ?, ?)
            ON CONFLICT (member_id) DO UPDATE
            SET points = member_balances.points + excluded.points,
                stored_value = member_balances.stored_value + excluded.stored_value,
                stored_value_bonus = member_balances.stored_value_bonus + excluded.stored_value_bonus""";
    static final String BALANCE_OF_SURVIVOR = """
            SELECT COALESCE(SUM(points), 0), COALESCE(SUM(stored_value), 0) FROM member_balances
            WHERE member_id = ? OR member_id IN (SELECT merged_id FROM member_aliases WHERE survivor_id = ?)""";
    private static final String ADD_TO_STOCK = """
            INSERT INTO stock (store_id, sku, qty_milli) VALUES (?, ?, ?)
            ON CONFLICT (store_id, sku) DO UPDATE SET qty_milli = stock.qty_milli + excluded.qty_milli""";
    private static final String STOCK_OF = "SELECT qty_milli FROM stock WHERE store_id = ? AND sku = ?";

    /** An event whose merge failed because of what it holds; {@code event} is null when not yet known which. */
    static final class ProjectionFailure extends RuntimeException {
        private final transient EventEnvelope event;

        ProjectionFailure(EventEnvelope event, RuntimeException cause) {
            super(event == null ? "merging a batch failed" : "merging event " + event.eventId() + " failed", cause);
            this.event = event;
        }

        EventEnvelope event() {
            return event;
        }
    }

    /**
     * Merges {@code events}; returns the exceptions they raise (overdraft, negative stock, unreadable).
     * A failure caused by an event's content is a {@link ProjectionFailure}: with {@code oneByOne} it names
     * the event, otherwise the caller runs again one by one to find it. Any other failure passes unchanged.
     */
    List<SyncException> apply(SqlSession sql, List<EventEnvelope> events, Instant now, boolean oneByOne) {
        if (!oneByOne) {
            try {
                return applyBatch(sql, events, now);
            } catch (RuntimeException e) {
                throw asPoison(null, e);
            }
        }
        List<SyncException> found = new ArrayList<>();
        for (EventEnvelope event : events) {
            try {
                found.addAll(applyBatch(sql, List.of(event), now));
            } catch (RuntimeException e) {
                throw asPoison(event, e);
            }
        }
        return found;
    }

    private static RuntimeException asPoison(EventEnvelope event, RuntimeException e) {
        return Dialect.isUniqueViolation(e) || !Dialect.isCausedByData(e) ? e : new ProjectionFailure(event, e);
    }

    /**
     * Gathers the batch's rows and writes them table by table. A merge of members splits the batch: what
     * came before it is written (and checked for overdrafts) first, as it would have been event by event.
     */
    private List<SyncException> applyBatch(SqlSession sql, List<EventEnvelope> events, Instant now) {
        List<SyncException> found = new ArrayList<>();
        ProjectionBatch batch = new ProjectionBatch();
        for (EventEnvelope event : events) {
            switch (event.payload()) {
                case MemberRegistered registered -> batch.fields(event, registered.memberId().toString(), unlessErased(sql, registered));
                case MemberProfileChanged changed -> batch.fields(event, changed.memberId().toString(), unlessErased(sql, changed));
                case MemberErased erased -> {
                    found.addAll(write(sql, batch, now));
                    batch = new ProjectionBatch();
                    erase(sql, erased);
                }
                case MembersMerged merged -> {
                    found.addAll(write(sql, batch, now));
                    batch = new ProjectionBatch();
                    merge(sql, merged);
                }
                case BalanceEvent balance -> batch.balance(event, balance);
                case StockChanged stock -> batch.stock(event, stock);
                // Sales feed head-office reports, which read the log; no projection merges them yet.
                case SaleEvent sale -> { }
                // Catalog, prices and rules reach the tills through pull; head office is their only writer.
                case HeadOfficeEvent headOffice -> { }
                // Drawer openings and approvals are kept in the log for head office's audit; nothing to merge.
                case AuditEvent audit -> { }
                // A tier change is the member's tierCode field, last writer wins like any profile field; top-ups,
                // their refunds and rewards move balances through the deltas recorded with them.
                case LoyaltyEvent loyalty -> {
                    if (loyalty instanceof MemberTierChanged tier) {
                        batch.fields(event, tier.memberId().toString(), Map.of(ProfileField.TIER_CODE, tier.toTier()));
                    }
                }
                case UnknownEvent unknown -> found.add(exception(SyncException.Kind.UNKNOWN_EVENT, event, now, unknown.why()));
            }
        }
        found.addAll(write(sql, batch, now));
        return found;
    }

    /**
     * The fields a member event writes, without the personal ones when the member was erased: a till that was
     * offline during the erasure may still send a change, sealed with a key that no longer exists.
     */
    private static Map<ProfileField, String> unlessErased(SqlSession sql, MemberEvent event) {
        Map<ProfileField, String> fields = ProfileField.writtenBy(event);
        if (sql.first(IS_ERASED, rs -> 1, event.memberId().toString()).isPresent()) {
            fields.keySet().removeIf(ProfileField::personal);
        }
        return fields;
    }

    /**
     * Forgets the person: destroys the member's key (so every sealed value in the log is unreadable) and drops
     * the sealed fields and the phone hash from the projection. Points, stored value and sales stay.
     */
    private static void erase(SqlSession sql, MemberErased erased) {
        String id = erased.memberId().toString();
        sql.update(DELETE_KEY, id);
        for (ProfileField field : ProfileField.values()) {
            if (field.personal()) {
                sql.update(DELETE_FIELD, id, field.stored());
            }
        }
        sql.update(MARK_ERASED, id);
    }

    private List<SyncException> write(SqlSession sql, ProjectionBatch batch, Instant now) {
        List<SyncException> found = new ArrayList<>();
        sql.batch(UPSERT_FIELD, batch.fieldRows());
        sql.batch(INSERT_DELTA, batch.deltaRows());
        sql.batch(ADD_TO_BALANCE, batch.balanceRows());
        found.addAll(overdrafts(sql, batch, now));
        sql.batch(ADD_TO_STOCK, batch.stockRows());
        found.addAll(negativeStock(sql, batch, now));
        return found;
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

    /** Every spending delta that left its member's merged balance below zero, with the balance it left. */
    private List<SyncException> overdrafts(SqlSession sql, ProjectionBatch batch, Instant now) {
        List<ProjectionBatch.Delta> deltas = batch.deltas();
        if (deltas.stream().noneMatch(d -> d.amount() < 0)) {
            return List.of();
        }
        Map<String, String> survivors = new java.util.HashMap<>();
        deltas.forEach(d -> survivors.computeIfAbsent(d.memberId(), id -> survivorOf(sql, id)));
        Map<String, long[]> running = new java.util.HashMap<>();
        for (String survivor : survivors.values().stream().distinct().sorted().toList()) {
            long[] after = sql.first(BALANCE_OF_SURVIVOR, rs -> new long[] {rs.getLong(1), rs.getLong(2)}, survivor, survivor)
                    .orElseThrow();
            running.put(survivor, after);
        }
        // What the balances were before this batch: after minus everything the batch added.
        deltas.forEach(d -> running.get(survivors.get(d.memberId()))[d.points() ? 0 : 1] -= d.amount());
        List<SyncException> found = new ArrayList<>();
        for (ProjectionBatch.Delta d : deltas) {
            String survivor = survivors.get(d.memberId());
            long[] balance = running.get(survivor);
            balance[d.points() ? 0 : 1] += d.amount();
            long left = balance[d.points() ? 0 : 1];
            if (d.amount() < 0 && left < 0) {
                EventEnvelope event = d.event();
                found.add(new SyncException(d.points() ? SyncException.Kind.POINTS_OVERDRAFT : SyncException.Kind.STORED_VALUE_OVERDRAFT,
                        survivor, left, event.storeId().value(), null, null, event.tillId().value(), event.eventId().toString(),
                        (d.points() ? "points" : "stored value") + " went below zero", now));
            }
        }
        return found;
    }

    /**
     * Every movement that took its store's stock of a SKU from zero or more to below zero, with the quantity it
     * left. Movements while stock is already negative are not flagged again: a store that sells goods it never
     * booked in would otherwise list every sale line for head office.
     */
    private List<SyncException> negativeStock(SqlSession sql, ProjectionBatch batch, Instant now) {
        List<ProjectionBatch.Movement> moves = batch.movements();
        if (moves.stream().noneMatch(m -> m.change().deltaMilli() < 0)) {
            return List.of();
        }
        // Only the SKUs something was taken from can go below zero: their quantity after the batch, minus
        // what the batch moved, is where the replay starts.
        Map<List<String>, long[]> running = new java.util.HashMap<>();
        for (ProjectionBatch.Movement m : moves) {
            if (m.change().deltaMilli() < 0) {
                running.computeIfAbsent(m.key(), key -> new long[] {
                        sql.first(STOCK_OF, rs -> rs.getLong(1), key.get(0), key.get(1)).orElse(0L)});
            }
        }
        moves.stream().filter(m -> running.containsKey(m.key())).forEach(m -> running.get(m.key())[0] -= m.change().deltaMilli());
        List<SyncException> found = new ArrayList<>();
        for (ProjectionBatch.Movement m : moves) {
            long[] qty = running.get(m.key());
            if (qty == null) {
                continue;
            }
            long before = qty[0];
            qty[0] += m.change().deltaMilli();
            if (before >= 0 && qty[0] < 0) {
                StockChanged stock = m.change();
                found.add(new SyncException(SyncException.Kind.NEGATIVE_STOCK, null, null, stock.storeId().value(),
                        stock.sku().value(), qty[0], m.event().tillId().value(), m.event().eventId().toString(),
                        "stock went below zero (" + stock.reason() + ")", now));
            }
        }
        return found;
    }

    static SyncException exception(SyncException.Kind kind, EventEnvelope event, Instant now, String detail) {
        return new SyncException(kind, null, null, event.storeId().value(), null, null,
                event.tillId().value(), event.eventId().toString(), detail, now);
    }

}
