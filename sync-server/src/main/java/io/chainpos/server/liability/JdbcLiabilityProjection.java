package io.chainpos.server.liability;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.MembersMerged;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.StoredValueChanged;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.SqlSession;
import io.chainpos.server.log.Projection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the chain owes its members, kept at ingest by the store that sold it: points, and stored value split
 * into the part members paid (本金) and the bonus (赠金). A member's holdings are pools per store; what a member
 * earns or tops up goes to the pool of the store where it happened, and what it spends is taken by
 * {@link Pools#spend} (the spending store's pool first, then the others in store order). A merge moves the
 * merged member's pools to its survivor. Events are merged in log order, so a rebuild gives the same pools.
 */
public final class JdbcLiabilityProjection implements Projection {
    private static final String DELTA = """
            INSERT INTO liability_deltas (event_id, store_id, account, reason, delta, bonus_part, occurred_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String SET_OWNER = """
            INSERT INTO liability_owners (member_id, owner_id) VALUES (?, ?)
            ON CONFLICT (member_id) DO UPDATE SET owner_id = excluded.owner_id""";
    private static final String REPOINT = "UPDATE liability_owners SET owner_id = ? WHERE owner_id = ?";
    private static final String MERGE_POOLS = """
            INSERT INTO liability_pools (owner_id, store_id, points, paid, bonus)
            SELECT ?, store_id, points, paid, bonus FROM liability_pools WHERE owner_id = ?
            ON CONFLICT (owner_id, store_id) DO UPDATE
            SET points = liability_pools.points + excluded.points, paid = liability_pools.paid + excluded.paid,
                bonus = liability_pools.bonus + excluded.bonus""";
    private static final String DROP_POOLS = "DELETE FROM liability_pools WHERE owner_id = ?";
    private static final String ADD_TO_POOL = """
            INSERT INTO liability_pools (owner_id, store_id, points, paid, bonus) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (owner_id, store_id) DO UPDATE
            SET points = liability_pools.points + excluded.points, paid = liability_pools.paid + excluded.paid,
                bonus = liability_pools.bonus + excluded.bonus""";
    private static final String ADD_TO_TOTALS = """
            INSERT INTO liability_totals (store_id, points, paid, bonus, points_earned, points_expired) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (store_id) DO UPDATE
            SET points = liability_totals.points + excluded.points, paid = liability_totals.paid + excluded.paid,
                bonus = liability_totals.bonus + excluded.bonus,
                points_earned = liability_totals.points_earned + excluded.points_earned,
                points_expired = liability_totals.points_expired + excluded.points_expired""";

    /** The movements of a store's UTC day, summed as {@link Liabilities#movements} sums them (V253). */
    private static final String ADD_TO_DAY = """
            INSERT INTO liability_store_days (store_id, day, points_earned, points_spent, points_expired, paid_in, paid_out,
                                              bonus_in, bonus_out)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (store_id, day) DO UPDATE
            SET points_earned = liability_store_days.points_earned + excluded.points_earned,
                points_spent = liability_store_days.points_spent + excluded.points_spent,
                points_expired = liability_store_days.points_expired + excluded.points_expired,
                paid_in = liability_store_days.paid_in + excluded.paid_in, paid_out = liability_store_days.paid_out + excluded.paid_out,
                bonus_in = liability_store_days.bonus_in + excluded.bonus_in, bonus_out = liability_store_days.bonus_out + excluded.bonus_out""";

    /** The points an owner holds across its pools, changed with them (V254). */
    private static final String ADD_TO_OWNER = """
            INSERT INTO liability_owner_points (owner_id, points) VALUES (?, ?)
            ON CONFLICT (owner_id) DO UPDATE SET points = liability_owner_points.points + excluded.points""";
    /** An owner's points summed again from its pools (after a merge moved them). */
    private static final String SUM_OWNER = """
            INSERT INTO liability_owner_points (owner_id, points)
            SELECT owner_id, SUM(points) FROM liability_pools WHERE owner_id = ? GROUP BY owner_id
            ON CONFLICT (owner_id) DO UPDATE SET points = excluded.points""";
    private static final String DROP_OWNER = "DELETE FROM liability_owner_points WHERE owner_id = ?";

    /** A UTC day in milliseconds: the rollup's day. */
    static final long DAY_MS = 86_400_000L;

    @Override
    public List<String> tables() {
        return List.of("liability_deltas", "liability_store_days", "liability_owners", "liability_pools", "liability_owner_points",
                "liability_totals");
    }

    @Override
    public List<SyncException> apply(SqlSession sql, List<EventEnvelope> events, Instant now) {
        Batch batch = new Batch(sql);
        for (EventEnvelope event : events) {
            switch (event.payload()) {
                case PointsChanged p -> batch.owners.add(p.memberId().toString());
                case StoredValueChanged v -> batch.owners.add(v.memberId().toString());
                case MembersMerged m -> {
                    batch.owners.add(m.memberId().toString());
                    batch.owners.add(m.mergedId().toString());
                }
                default -> { }
            }
        }
        if (batch.owners.isEmpty()) {
            return List.of();
        }
        batch.load();
        for (EventEnvelope event : events) {
            switch (event.payload()) {
                case PointsChanged p -> {
                    batch.record(event, "POINTS", p.reason().name(), p.delta(), 0);
                    long earned = p.reason() == PointsChanged.Reason.EARN ? p.delta() : 0;
                    batch.move(p.memberId().toString(), event.storeId().value(), new long[] {p.delta(), 0, 0}, earned,
                            p.reason() == PointsChanged.Reason.EXPIRE);
                }
                case StoredValueChanged v -> {
                    batch.record(event, "STORED_VALUE", v.reason().name(), v.delta(), v.bonusPart());
                    batch.move(v.memberId().toString(), event.storeId().value(), new long[] {0, v.paidPart(), v.bonusPart()}, 0, false);
                }
                case MembersMerged merged -> batch.merge(merged.memberId().toString(), merged.mergedId().toString());
                default -> { }
            }
        }
        batch.flush();
        return List.of();
    }

    /**
     * One push's changes, set-wise: the owners and pools of every member it names read in a few statements, each
     * event applied to them in memory by {@link Pools} in log order, and the sums written in one batch per table
     * (sorted, so two pushes lock rows in one order). A merge, rare, writes what is pending and moves the pools in SQL.
     */
    private static final class Batch {
        private final SqlSession sql;
        final Set<String> owners = new HashSet<>();
        private final Map<String, String> ownerOf = new HashMap<>();
        // owner -> store -> points, paid, bonus: the pools as they stand, read once and kept current here
        private final Map<String, TreeMap<String, long[]>> pools = new HashMap<>();
        private final List<Object[]> deltas = new ArrayList<>();
        private final TreeMap<List<String>, long[]> poolChanges = new TreeMap<>(Batch::compare);
        // store -> points, paid, bonus, points earned, points expired
        private final TreeMap<String, long[]> totalChanges = new TreeMap<>();
        // (store, UTC day) -> the seven movement sums of the deltas recorded
        private final TreeMap<Map.Entry<String, Long>, long[]> dayChanges = new TreeMap<>(
                Map.Entry.<String, Long>comparingByKey().thenComparing(Map.Entry.comparingByValue()));

        Batch(SqlSession sql) {
            this.sql = sql;
        }

        void load() {
            List<String> members = List.copyOf(owners);
            sql.forEachIn("SELECT member_id, owner_id FROM liability_owners WHERE member_id IN (%s)", members,
                    rs -> ownerOf.put(rs.getString(1), rs.getString(2)));
            Set<String> holders = new HashSet<>();
            members.forEach(m -> holders.add(ownerOf.getOrDefault(m, m)));
            holders.forEach(h -> pools.put(h, new TreeMap<>()));
            sql.forEachIn("SELECT owner_id, store_id, points, paid, bonus FROM liability_pools WHERE owner_id IN (%s)", List.copyOf(holders),
                    rs -> pools.get(rs.getString(1)).put(rs.getString(2), new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5)}));
        }

        void record(EventEnvelope event, String account, String reason, long delta, long bonus) {
            long at = event.occurredAt().toEpochMilli();
            deltas.add(new Object[] {event.eventId().toString(), event.storeId().value(), account, reason, delta, bonus, at});
            long[] day = dayChanges.computeIfAbsent(Map.entry(event.storeId().value(), Math.floorDiv(at, DAY_MS)), k -> new long[7]);
            if (account.equals("POINTS")) {
                day[0] += Math.max(delta, 0);
                day[1] += delta < 0 && !reason.equals("EXPIRE") ? -delta : 0;
                day[2] += reason.equals("EXPIRE") ? -delta : 0;
            } else {
                long paid = delta - bonus;
                day[3] += Math.max(paid, 0);
                day[4] += Math.max(-paid, 0);
                day[5] += Math.max(bonus, 0);
                day[6] += Math.max(-bonus, 0);
            }
        }

        /**
         * Takes {@code change} (points, paid, bonus) into or out of the member's owner's pools as {@link Pools} decides.
         * Points that expire are breakage of the stores whose pools they leave (head office's period end expires them).
         */
        void move(String member, String store, long[] change, long earned, boolean expiring) {
            String owner = ownerOf.getOrDefault(member, member);
            TreeMap<String, long[]> held = pools.get(owner);
            List<Pools.Pool> current = new ArrayList<>();
            held.forEach((s, amounts) -> current.add(new Pools.Pool(s, amounts.clone())));
            for (Pools.Pool m : Pools.apply(current, store, change)) {
                long[] a = m.amounts();
                add(held.computeIfAbsent(m.store(), s -> new long[3]), a);
                add(poolChanges.computeIfAbsent(List.of(owner, m.store()), k -> new long[3]), a);
                add(totals(m.store()), new long[] {a[0], a[1], a[2], 0, expiring ? -a[0] : 0});
            }
            // Every store with a movement has its row, even when what it moved was taken from other stores' pools.
            add(totals(store), new long[] {0, 0, 0, earned, 0});
        }

        /** The merged member's owner and everything it owned now belong to the survivor's owner, pools and all. */
        void merge(String survivorId, String mergedId) {
            String survivor = ownerOf.getOrDefault(survivorId, survivorId);
            String absorbed = ownerOf.getOrDefault(mergedId, mergedId);
            if (survivor.equals(absorbed)) {
                return;
            }
            flush();
            sql.update(MERGE_POOLS, survivor, absorbed);
            sql.update(DROP_POOLS, absorbed);
            sql.update(DROP_OWNER, absorbed);
            sql.update(SUM_OWNER, survivor);
            sql.update(REPOINT, survivor, absorbed);
            sql.update(SET_OWNER, absorbed, survivor);
            TreeMap<String, long[]> into = pools.get(survivor);
            pools.remove(absorbed).forEach((store, amounts) -> add(into.computeIfAbsent(store, s -> new long[3]), amounts));
            ownerOf.replaceAll((id, owner) -> owner.equals(absorbed) ? survivor : owner);
            ownerOf.put(absorbed, survivor);
        }

        void flush() {
            sql.batch(DELTA, deltas);
            deltas.clear();
            List<Object[]> rows = new ArrayList<>();
            dayChanges.forEach((key, d) -> rows.add(new Object[] {key.getKey(), key.getValue(), d[0], d[1], d[2], d[3], d[4], d[5], d[6]}));
            sql.batch(ADD_TO_DAY, rows);
            dayChanges.clear();
            rows.clear();
            TreeMap<String, Long> ownerPoints = new TreeMap<>();
            poolChanges.forEach((key, a) -> {
                rows.add(new Object[] {key.get(0), key.get(1), a[0], a[1], a[2]});
                ownerPoints.merge(key.get(0), a[0], Long::sum);
            });
            sql.batch(ADD_TO_POOL, rows);
            poolChanges.clear();
            rows.clear();
            ownerPoints.forEach((owner, points) -> rows.add(new Object[] {owner, points}));
            sql.batch(ADD_TO_OWNER, rows);
            rows.clear();
            totalChanges.forEach((store, a) -> rows.add(new Object[] {store, a[0], a[1], a[2], a[3], a[4]}));
            sql.batch(ADD_TO_TOTALS, rows);
            totalChanges.clear();
        }

        private long[] totals(String store) {
            return totalChanges.computeIfAbsent(store, s -> new long[5]);
        }

        private static void add(long[] into, long[] amounts) {
            for (int i = 0; i < into.length; i++) {
                into[i] += amounts[i];
            }
        }

        private static int compare(List<String> a, List<String> b) {
            int c = a.get(0).compareTo(b.get(0));
            return c != 0 ? c : a.get(1).compareTo(b.get(1));
        }
    }
}
