package io.chainpos.server.member;

import io.chainpos.model.event.BalanceEvent;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.EventTypes;
import io.chainpos.model.event.MemberErased;
import io.chainpos.model.event.MemberEvent;
import io.chainpos.model.event.MemberProfileChanged;
import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.event.MemberTierChanged;
import io.chainpos.model.event.MembersMerged;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.StoredValueChanged;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.LastWriterWins;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.SqlSession;
import io.chainpos.server.log.Projection;
import io.chainpos.server.log.SnapshotQuery;
import io.chainpos.server.log.SnapshotSink;
import io.chainpos.server.merge.ProfileField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Merges members from the log: profile fields (last writer wins), merges into aliases, erasures, and the
 * points and stored-value deltas with their sums per member; overdrafts are found here.
 *
 * <p>A batch is merged set-wise (one JDBC batch per table, rows in key order so concurrent writers on
 * PostgreSQL lock them in the same order and cannot deadlock), and overdrafts are then found by replaying
 * the batch's deltas in event order from the balances before it, exactly as merging event by event would
 * have found them. A merge or an erasure splits the batch: what came before it is written first.
 */
public final class JdbcMemberProjection implements Projection {
    // Last writer wins by the chain's one rule, its SQL form taken from LastWriterWins rather than written again.
    private static final String UPSERT_FIELD = """
            INSERT INTO member_fields (member_id, field, value, hlc, till_id, event_id) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (member_id, field) DO UPDATE
            SET value = excluded.value, hlc = excluded.hlc, till_id = excluded.till_id, event_id = excluded.event_id
            WHERE """ + LastWriterWins.sqlLater("excluded", "member_fields");
    // The first registration of an id names its home store; a second copy (an import run twice) changes nothing.
    private static final String INSERT_HOME = """
            INSERT INTO member_home (member_id, store_id, registered_ms) VALUES (?, ?, ?) ON CONFLICT (member_id) DO NOTHING""";
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
    private static final String BALANCE_OF_SURVIVOR = """
            SELECT COALESCE(SUM(points), 0), COALESCE(SUM(stored_value), 0) FROM member_balances
            WHERE member_id IN (SELECT ? UNION ALL SELECT merged_id FROM member_aliases WHERE survivor_id = ?)""";
    private static final String ALL_BALANCES =
            "SELECT member_id, points, stored_value, stored_value_bonus FROM member_balances ORDER BY member_id";

    @Override
    public List<String> tables() {
        return List.of("member_fields", "member_aliases", "balance_deltas", "member_balances", "erased_members", "member_home");
    }

    /**
     * Gathers the batch's rows and writes them table by table. A merge of members splits the batch: what
     * came before it is written (and checked for overdrafts) first, as it would have been event by event.
     */
    @Override
    public List<SyncException> apply(SqlSession sql, List<EventEnvelope> events, Instant now) {
        List<SyncException> found = new ArrayList<>();
        MemberRows rows = new MemberRows();
        for (EventEnvelope event : events) {
            switch (event.payload()) {
                case MemberRegistered registered -> {
                    rows.fields(event, registered.memberId().toString(), unlessErased(sql, registered));
                    rows.home(event, registered.memberId().toString());
                }
                case MemberProfileChanged changed -> rows.fields(event, changed.memberId().toString(), unlessErased(sql, changed));
                case MemberErased erased -> {
                    found.addAll(write(sql, rows, now));
                    rows = new MemberRows();
                    erase(sql, erased);
                }
                case MembersMerged merged -> {
                    found.addAll(write(sql, rows, now));
                    rows = new MemberRows();
                    merge(sql, merged);
                }
                case BalanceEvent balance -> rows.balance(event, balance);
                // A tier change is the member's tierCode field, last writer wins like any profile field; top-ups,
                // their refunds and rewards move balances through the deltas recorded with them.
                case MemberTierChanged tier -> rows.fields(event, tier.memberId().toString(), Map.of(ProfileField.TIER_CODE, tier.toTier()));
                // Sales, stock, catalog, audit and unknown events hold nothing of a member's profile or balances.
                default -> { }
            }
        }
        found.addAll(write(sql, rows, now));
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

    private List<SyncException> write(SqlSession sql, MemberRows rows, Instant now) {
        sql.batch(UPSERT_FIELD, rows.fieldRows());
        sql.batch(INSERT_HOME, rows.homeRows());
        sql.batch(INSERT_DELTA, rows.deltaRows());
        sql.batch(ADD_TO_BALANCE, rows.balanceRows());
        return overdrafts(sql, rows, now);
    }

    /**
     * The merged member and everything merged into it before now stand for the survivor. Merges resolve
     * both sides first, so chains and crossing merges end in one survivor per person, never a cycle.
     */
    private static void merge(SqlSession sql, MembersMerged merged) {
        String survivor = survivorOf(sql, merged.memberId().toString());
        String absorbed = survivorOf(sql, merged.mergedId().toString());
        if (survivor.equals(absorbed)) {
            return;
        }
        sql.update(INSERT_ALIAS, absorbed, survivor);
        sql.update(REPOINT_ALIASES, survivor, absorbed);
    }

    private static String survivorOf(SqlSession sql, String memberId) {
        return sql.first(SURVIVOR, rs -> rs.getString(1), memberId).orElse(memberId);
    }

    /** Every spending delta that left its member's merged balance below zero, with the balance it left. */
    private static List<SyncException> overdrafts(SqlSession sql, MemberRows rows, Instant now) {
        List<MemberRows.Delta> deltas = rows.deltas();
        if (deltas.stream().noneMatch(d -> d.amount() < 0)) {
            return List.of();
        }
        Map<String, String> survivors = new HashMap<>();
        deltas.forEach(d -> survivors.computeIfAbsent(d.memberId(), id -> survivorOf(sql, id)));
        Map<String, long[]> running = new HashMap<>();
        for (String survivor : survivors.values().stream().distinct().sorted().toList()) {
            long[] after = sql.first(BALANCE_OF_SURVIVOR, rs -> new long[] {rs.getLong(1), rs.getLong(2)}, survivor, survivor)
                    .orElseThrow();
            running.put(survivor, after);
        }
        // What the balances were before this batch: after minus everything the batch added.
        deltas.forEach(d -> running.get(survivors.get(d.memberId()))[d.points() ? 0 : 1] -= d.amount());
        List<SyncException> found = new ArrayList<>();
        for (MemberRows.Delta d : deltas) {
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

    @Override
    public Set<EventTypes.Type> summed() {
        return Set.of(EventTypes.POINTS_CHANGED, EventTypes.STORED_VALUE_CHANGED);
    }

    /**
     * Every member's points and stored value as one delta each (two when the bonus part cannot travel in one),
     * less the requester's own deltas it still holds.
     */
    @Override
    public void carryForward(SqlSession sql, SnapshotQuery query, long cursor, HeldEvents held, SnapshotSink sink) {
        Map<String, long[]> own = new HashMap<>();
        held.forEach(summed(), event -> {
            switch (event.payload()) {
                case PointsChanged p -> own.computeIfAbsent(p.memberId().toString(), id -> new long[3])[0] += p.delta();
                case StoredValueChanged v -> {
                    long[] mine = own.computeIfAbsent(v.memberId().toString(), id -> new long[3]);
                    mine[1] += v.delta();
                    mine[2] += v.bonusPart();
                }
                default -> { }
            }
        });
        sql.forEach(ALL_BALANCES, rs -> {
            long[] mine = own.getOrDefault(rs.getString(1), new long[3]);
            long points = rs.getLong(2) - mine[0];
            long storedValue = rs.getLong(3) - mine[1];
            long bonus = rs.getLong(4) - mine[2];
            if (points != 0 || storedValue != 0 || bonus != 0) {
                carry(sink, rs.getString(1), points, storedValue, bonus);
            }
            return null;
        });
    }

    private static void carry(SnapshotSink sink, String memberId, long points, long storedValue, long storedValueBonus) {
        MemberId member = new MemberId(UUID.fromString(memberId));
        if (points != 0) {
            sink.carried("points/" + memberId, new PointsChanged(member, points, PointsChanged.Reason.ADJUST, null, List.of(SnapshotSink.CARRIED)));
        }
        if (storedValue != 0 || storedValueBonus != 0) {
            // The bonus part travels with the balance; an overdraft with bonus left is carried as two deltas.
            boolean oneDelta = storedValueBonus == 0 || (Long.signum(storedValueBonus) == Long.signum(storedValue)
                    && Math.abs(storedValueBonus) <= Math.abs(storedValue));
            if (oneDelta) {
                sink.carried("stored-value/" + memberId, new StoredValueChanged(member, storedValue, StoredValueChanged.Reason.ADJUST,
                        null, storedValueBonus, null));
            } else {
                sink.carried("stored-value/" + memberId, new StoredValueChanged(member, storedValue - storedValueBonus,
                        StoredValueChanged.Reason.ADJUST, null));
                sink.carried("stored-value-bonus/" + memberId, new StoredValueChanged(member, storedValueBonus,
                        StoredValueChanged.Reason.ADJUST, null, storedValueBonus, null));
            }
        }
    }
}
