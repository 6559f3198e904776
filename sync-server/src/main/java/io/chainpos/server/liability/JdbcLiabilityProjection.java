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
import java.util.List;

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
    private static final String OWNER = "SELECT owner_id FROM liability_owners WHERE member_id = ?";
    private static final String SET_OWNER = """
            INSERT INTO liability_owners (member_id, owner_id) VALUES (?, ?)
            ON CONFLICT (member_id) DO UPDATE SET owner_id = excluded.owner_id""";
    private static final String REPOINT = "UPDATE liability_owners SET owner_id = ? WHERE owner_id = ?";
    private static final String POOLS = "SELECT store_id, points, paid, bonus FROM liability_pools WHERE owner_id = ? ORDER BY store_id";
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

    @Override
    public List<String> tables() {
        return List.of("liability_deltas", "liability_owners", "liability_pools", "liability_totals");
    }

    @Override
    public List<SyncException> apply(SqlSession sql, List<EventEnvelope> events, Instant now) {
        for (EventEnvelope event : events) {
            switch (event.payload()) {
                case PointsChanged p -> {
                    record(sql, event, "POINTS", p.reason().name(), p.delta(), 0);
                    long earned = p.reason() == PointsChanged.Reason.EARN ? p.delta() : 0;
                    move(sql, ownerOf(sql, p.memberId().toString()), event.storeId().value(), new long[] {p.delta(), 0, 0}, earned,
                            p.reason() == PointsChanged.Reason.EXPIRE);
                }
                case StoredValueChanged v -> {
                    record(sql, event, "STORED_VALUE", v.reason().name(), v.delta(), v.bonusPart());
                    move(sql, ownerOf(sql, v.memberId().toString()), event.storeId().value(), new long[] {0, v.paidPart(), v.bonusPart()}, 0, false);
                }
                case MembersMerged merged -> merge(sql, merged.memberId().toString(), merged.mergedId().toString());
                default -> { }
            }
        }
        return List.of();
    }

    private static void record(SqlSession sql, EventEnvelope event, String account, String reason, long delta, long bonus) {
        sql.update(DELTA, event.eventId().toString(), event.storeId().value(), account, reason, delta, bonus,
                event.occurredAt().toEpochMilli());
    }

    private static String ownerOf(SqlSession sql, String memberId) {
        return sql.first(OWNER, rs -> rs.getString(1), memberId).orElse(memberId);
    }

    /**
     * Takes {@code change} (points, paid, bonus) into or out of the owner's pools as {@link Pools} decides. Points
     * that expire are breakage of the stores whose pools they leave (head office's period end expires them).
     */
    private static void move(SqlSession sql, String owner, String store, long[] change, long earned, boolean expiring) {
        List<Pools.Pool> pools = sql.list(POOLS, rs -> new Pools.Pool(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)}), owner);
        List<Pools.Pool> moves = Pools.apply(pools, store, change);
        for (Pools.Pool m : moves) {
            long[] a = m.amounts();
            sql.update(ADD_TO_POOL, owner, m.store(), a[0], a[1], a[2]);
            sql.update(ADD_TO_TOTALS, m.store(), a[0], a[1], a[2], m.store().equals(store) ? earned : 0, expiring ? -a[0] : 0);
        }
        // Every store with a movement has its row, even when what it moved was taken from other stores' pools.
        if (moves.stream().noneMatch(m -> m.store().equals(store))) {
            sql.update(ADD_TO_TOTALS, store, 0, 0, 0, earned, 0);
        }
    }

    /** The merged member's owner and everything it owned now belong to the survivor's owner, pools and all. */
    private static void merge(SqlSession sql, String survivorId, String mergedId) {
        String survivor = ownerOf(sql, survivorId);
        String absorbed = ownerOf(sql, mergedId);
        if (survivor.equals(absorbed)) {
            return;
        }
        List<Pools.Pool> pools = sql.list(POOLS, rs -> new Pools.Pool(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)}), absorbed);
        sql.update(DROP_POOLS, absorbed);
        List<Object[]> rows = new ArrayList<>();
        for (Pools.Pool pool : pools) {
            rows.add(new Object[] {survivor, pool.store(), pool.amounts()[0], pool.amounts()[1], pool.amounts()[2]});
        }
        sql.batch(ADD_TO_POOL, rows);
        sql.update(REPOINT, survivor, absorbed);
        sql.update(SET_OWNER, absorbed, survivor);
    }
}
