package io.chainpos.server.member;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.MembersMerged;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.loyalty.PointsLots;
import io.chainpos.server.db.SqlSession;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.log.Projection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Each member's points as lots by earn day ({@link PointsLots}, first in first out), kept at ingest from the points
 * deltas the member projection has just merged: every member (survivor) whose points changed in a push, or who
 * took in another by a merge, has its lots folded again from its own deltas, in the order they happened, so a
 * change that happened earlier but arrived late lands where it belongs. Runs after {@link JdbcMemberProjection}.
 */
public final class JdbcPointsLotsProjection implements Projection {
    private static final String SURVIVORS_OF = "SELECT merged_id, survivor_id FROM member_aliases WHERE merged_id IN (%s)";
    private static final String DELETE_LOTS_OF = "DELETE FROM points_lots WHERE member_id IN (%s)";
    private static final String DELETE_OVERDRAFTS_OF = "DELETE FROM points_overdrafts WHERE member_id IN (%s)";
    private static final String MERGED_INTO = "SELECT merged_id, survivor_id FROM member_aliases WHERE survivor_id IN (%s)";
    private static final String POINTS_DELTAS_OF = """
            SELECT member_id, occurred_ms, event_id, delta FROM balance_deltas WHERE account = 'POINTS' AND member_id IN (%s)""";
    private static final String INSERT_LOT = "INSERT INTO points_lots (member_id, earned_day, remaining) VALUES (?, ?, ?)";
    private static final String INSERT_OVERDRAFT = "INSERT INTO points_overdrafts (member_id, overdraft) VALUES (?, ?)";

    private final ZoneId zone;

    /** {@code zone}: the loyalty zone, whose days date the lots as the period end and the expiry warning count them. */
    public JdbcPointsLotsProjection(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public List<String> tables() {
        return List.of("points_lots", "points_overdrafts");
    }

    @Override
    public List<SyncException> apply(SqlSession sql, List<EventEnvelope> events, Instant now) {
        TreeSet<String> touched = new TreeSet<>();
        for (EventEnvelope event : events) {
            switch (event.payload()) {
                case PointsChanged points -> touched.add(points.memberId().toString());
                case MembersMerged merged -> {
                    touched.add(merged.memberId().toString());
                    touched.add(merged.mergedId().toString());
                }
                default -> { }
            }
        }
        if (touched.isEmpty()) {
            return List.of();
        }
        // Set-wise, a few statements a push whatever its members: who survives whom, the lots and overdrafts to go,
        // every survivor's deltas in one read (a statement per member was most of a push's time on PostgreSQL).
        java.util.Map<String, String> survivorOf = new java.util.HashMap<>();
        sql.forEachIn(SURVIVORS_OF, List.copyOf(touched), rs -> survivorOf.put(rs.getString(1), rs.getString(2)));
        TreeSet<String> survivors = new TreeSet<>();
        for (String member : touched) {
            survivors.add(survivorOf.getOrDefault(member, member));
        }
        // A merged id holds no lots of its own: they are its survivor's now. Every survivor's are written again.
        TreeSet<String> cleared = new TreeSet<>(touched);
        cleared.addAll(survivors);
        sql.updateIn(DELETE_LOTS_OF, List.copyOf(cleared));
        sql.updateIn(DELETE_OVERDRAFTS_OF, List.copyOf(cleared));
        insert(sql, lotsOf(sql, List.copyOf(survivors)));
        return List.of();
    }

    /**
     * Fills the lots of every member with points from the deltas already merged: run once, by the migration that
     * adds the tables, on a server upgraded from a version without them (a new database has nothing to fill).
     */
    public static void fill(java.sql.Connection connection, ZoneId zone) {
        JdbcPointsLotsProjection projection = new JdbcPointsLotsProjection(zone);
        try (SqlSession sql = new SqlSession(connection)) {
            List<String> survivors = sql.list("""
                    SELECT DISTINCT COALESCE(a.survivor_id, d.member_id) FROM balance_deltas d
                    LEFT JOIN member_aliases a ON a.merged_id = d.member_id WHERE d.account = 'POINTS'""", rs -> rs.getString(1));
            for (int from = 0; from < survivors.size(); from += SqlSession.IN_CHUNK) {
                projection.insert(sql, projection.lotsOf(sql, survivors.subList(from, Math.min(survivors.size(), from + SqlSession.IN_CHUNK))));
            }
        }
    }

    /** A points delta of a survivor (or an id merged into it), in the order the fold takes them. */
    private record Delta(long occurredMs, String eventId, long delta) {
    }

    /** The lots of each of {@code survivors}, folded from its deltas and those of the ids merged into it. */
    private java.util.Map<String, PointsLots> lotsOf(SqlSession sql, List<String> survivors) {
        java.util.Map<String, String> ownerOf = new java.util.HashMap<>();
        survivors.forEach(survivor -> ownerOf.put(survivor, survivor));
        sql.forEachIn(MERGED_INTO, survivors, rs -> ownerOf.put(rs.getString(1), rs.getString(2)));
        java.util.Map<String, List<Delta>> deltas = new java.util.TreeMap<>();
        survivors.forEach(survivor -> deltas.put(survivor, new ArrayList<>()));
        sql.forEachIn(POINTS_DELTAS_OF, List.copyOf(ownerOf.keySet()), rs -> deltas.get(ownerOf.get(rs.getString(1)))
                .add(new Delta(rs.getLong(2), rs.getString(3), rs.getLong(4))));
        java.util.Map<String, PointsLots> lots = new java.util.TreeMap<>();
        deltas.forEach((survivor, changes) -> lots.put(survivor, PointsLots.of(changes.stream()
                .sorted(java.util.Comparator.comparingLong(Delta::occurredMs).thenComparing(Delta::eventId))
                .map(d -> new PointsLots.Change(day(d.occurredMs()), d.delta())).toList())));
        return lots;
    }

    /** Writes the lots and overdrafts of members that have none written, a batch for each table. */
    private void insert(SqlSession sql, java.util.Map<String, PointsLots> byMember) {
        List<Object[]> lotRows = new ArrayList<>();
        List<Object[]> overdraftRows = new ArrayList<>();
        byMember.forEach((member, lots) -> {
            // Two lots of one day (a late change re-ordered them) are one row.
            LocalDate previous = null;
            for (PointsLots.Lot lot : lots.lots()) {
                if (lot.earned().equals(previous)) {
                    Object[] last = lotRows.getLast();
                    last[2] = (Long) last[2] + lot.remaining();
                } else {
                    lotRows.add(new Object[] {member, lot.earned().toString(), lot.remaining()});
                }
                previous = lot.earned();
            }
            if (lots.overdraft() > 0) {
                overdraftRows.add(new Object[] {member, lots.overdraft()});
            }
        });
        sql.batch(INSERT_LOT, lotRows);
        sql.batch(INSERT_OVERDRAFT, overdraftRows);
    }

    private LocalDate day(long occurredMs) {
        return Instant.ofEpochMilli(occurredMs).atZone(zone).toLocalDate();
    }
}
