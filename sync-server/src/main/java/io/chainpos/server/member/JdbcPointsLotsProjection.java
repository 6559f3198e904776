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
    static final String DELTAS_OF_SURVIVOR = """
            SELECT d.occurred_ms, d.delta FROM balance_deltas d
            WHERE d.account = 'POINTS' AND (d.member_id = ? OR d.member_id IN (SELECT merged_id FROM member_aliases WHERE survivor_id = ?))
            ORDER BY d.occurred_ms, d.event_id""";
    private static final String SURVIVOR = "SELECT survivor_id FROM member_aliases WHERE merged_id = ?";
    private static final String DELETE_LOTS = "DELETE FROM points_lots WHERE member_id = ?";
    private static final String DELETE_OVERDRAFT = "DELETE FROM points_overdrafts WHERE member_id = ?";
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
        TreeSet<String> survivors = new TreeSet<>();
        for (String member : touched) {
            String survivor = sql.first(SURVIVOR, rs -> rs.getString(1), member).orElse(member);
            if (!survivor.equals(member)) {
                // A merged id holds no lots of its own: they are its survivor's now.
                sql.update(DELETE_LOTS, member);
                sql.update(DELETE_OVERDRAFT, member);
            }
            survivors.add(survivor);
        }
        for (String survivor : survivors) {
            write(sql, survivor, lotsOf(sql, survivor));
        }
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
            for (String survivor : survivors) {
                projection.write(sql, survivor, projection.lotsOf(sql, survivor));
            }
        }
    }

    /** The lots of {@code survivor}, folded from its deltas and those of the ids merged into it. */
    PointsLots lotsOf(SqlSession sql, String survivor) {
        List<PointsLots.Change> changes = sql.list(DELTAS_OF_SURVIVOR,
                rs -> new PointsLots.Change(day(rs.getLong(1)), rs.getLong(2)), survivor, survivor);
        return PointsLots.of(changes);
    }

    void write(SqlSession sql, String member, PointsLots lots) {
        sql.update(DELETE_LOTS, member);
        sql.update(DELETE_OVERDRAFT, member);
        List<Object[]> rows = new ArrayList<>();
        // Two lots of one day (a late change re-ordered them) are one row.
        LocalDate previous = null;
        for (PointsLots.Lot lot : lots.lots()) {
            if (lot.earned().equals(previous)) {
                Object[] last = rows.getLast();
                last[2] = (Long) last[2] + lot.remaining();
            } else {
                rows.add(new Object[] {member, lot.earned().toString(), lot.remaining()});
            }
            previous = lot.earned();
        }
        sql.batch(INSERT_LOT, rows);
        if (lots.overdraft() > 0) {
            sql.update(INSERT_OVERDRAFT, member, lots.overdraft());
        }
    }

    private LocalDate day(long occurredMs) {
        return Instant.ofEpochMilli(occurredMs).atZone(zone).toLocalDate();
    }
}
