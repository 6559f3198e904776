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
 * deltas the member projection has just merged. A member (survivor) whose new deltas all happened after the last one
 * its lots took in has them added to its lots as they stand; one that took in another by a merge, or that a change
 * dated earlier reached late, has its lots folded again from all its deltas in the order they happened, so the late
 * change lands where it belongs. Both give what one fold of every delta gives. Runs after {@link JdbcMemberProjection}.
 */
public final class JdbcPointsLotsProjection implements Projection {
    private static final String SURVIVORS_OF = "SELECT merged_id, survivor_id FROM member_aliases WHERE merged_id IN (%s)";
    private static final String DELETE_LOTS_OF = "DELETE FROM points_lots WHERE member_id IN (%s)";
    private static final String DELETE_OVERDRAFTS_OF = "DELETE FROM points_overdrafts WHERE member_id IN (%s)";
    private static final String MERGED_INTO = "SELECT merged_id, survivor_id FROM member_aliases WHERE survivor_id IN (%s)";
    private static final String POINTS_DELTAS_OF = """
            SELECT member_id, occurred_ms, event_id, delta FROM balance_deltas WHERE account = 'POINTS' AND member_id IN (%s)""";
    private static final String FOLDED_OF = "SELECT member_id, occurred_ms, event_id FROM points_lots_folded WHERE member_id IN (%s)";
    private static final String DELETE_FOLDED_OF = "DELETE FROM points_lots_folded WHERE member_id IN (%s)";
    private static final String INSERT_FOLDED = "INSERT INTO points_lots_folded (member_id, occurred_ms, event_id) VALUES (?, ?, ?)";
    private static final String LOTS_OF = "SELECT member_id, earned_day, remaining FROM points_lots WHERE member_id IN (%s)";
    private static final String OVERDRAFTS_OF = "SELECT member_id, overdraft FROM points_overdrafts WHERE member_id IN (%s)";
    private static final String INSERT_LOT = "INSERT INTO points_lots (member_id, earned_day, remaining) VALUES (?, ?, ?)";
    private static final String INSERT_OVERDRAFT = "INSERT INTO points_overdrafts (member_id, overdraft) VALUES (?, ?)";
    // A member taken forward in steps has its rows changed where they differ, in place: most pushes change one lot.
    private static final String SET_LOT = """
            INSERT INTO points_lots (member_id, earned_day, remaining) VALUES (?, ?, ?)
            ON CONFLICT (member_id, earned_day) DO UPDATE SET remaining = excluded.remaining""";
    private static final String DELETE_LOT = "DELETE FROM points_lots WHERE member_id = ? AND earned_day = ?";
    private static final String SET_OVERDRAFT = """
            INSERT INTO points_overdrafts (member_id, overdraft) VALUES (?, ?)
            ON CONFLICT (member_id) DO UPDATE SET overdraft = excluded.overdraft""";
    private static final String DELETE_OVERDRAFT = "DELETE FROM points_overdrafts WHERE member_id = ?";
    private static final String SET_FOLDED = """
            INSERT INTO points_lots_folded (member_id, occurred_ms, event_id) VALUES (?, ?, ?)
            ON CONFLICT (member_id) DO UPDATE SET occurred_ms = excluded.occurred_ms, event_id = excluded.event_id""";

    private final ZoneId zone;

    /** {@code zone}: the loyalty zone, whose days date the lots as the period end and the expiry warning count them. */
    public JdbcPointsLotsProjection(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public List<String> tables() {
        return List.of("points_lots", "points_overdrafts", "points_lots_folded");
    }

    @Override
    public List<SyncException> apply(SqlSession sql, List<EventEnvelope> events, Instant now) {
        TreeSet<String> touched = new TreeSet<>();
        java.util.Set<String> merging = new java.util.HashSet<>();
        // This batch's deltas as the member projection has just written them to balance_deltas (one per event, the member as
        // the event names it, when it happened): taken from the events, not read back.
        List<String> pointsMembers = new ArrayList<>();
        List<Delta> pointsDeltas = new ArrayList<>();
        for (EventEnvelope event : events) {
            switch (event.payload()) {
                case PointsChanged points -> {
                    touched.add(points.memberId().toString());
                    pointsMembers.add(points.memberId().toString());
                    pointsDeltas.add(new Delta(event.occurredAt().toEpochMilli(), event.eventId().toString(), points.delta()));
                }
                case MembersMerged merged -> {
                    touched.add(merged.memberId().toString());
                    touched.add(merged.mergedId().toString());
                    merging.add(merged.memberId().toString());
                    merging.add(merged.mergedId().toString());
                }
                default -> { }
            }
        }
        if (touched.isEmpty()) {
            return List.of();
        }
        // Set-wise, a few statements a push whatever its members (a statement per member was most of a push's time on
        // PostgreSQL): who survives whom, how far each survivor's lots are folded, this push's deltas.
        java.util.Map<String, String> survivorOf = new java.util.HashMap<>();
        sql.forEachIn(SURVIVORS_OF, List.copyOf(touched), rs -> survivorOf.put(rs.getString(1), rs.getString(2)));
        TreeSet<String> survivors = new TreeSet<>();
        for (String member : touched) {
            String survivor = survivorOf.getOrDefault(member, member);
            survivors.add(survivor);
            if (merging.contains(member)) {
                merging.add(survivor);
            }
        }
        java.util.Map<String, String> ownerOf = family(sql, List.copyOf(survivors));
        java.util.Map<String, Delta> folded = new java.util.HashMap<>();
        sql.forEachIn(FOLDED_OF, List.copyOf(survivors), rs -> folded.put(rs.getString(1), new Delta(rs.getLong(2), rs.getString(3), 0)));
        java.util.Map<String, List<Delta>> arrived = new java.util.HashMap<>();
        for (int i = 0; i < pointsDeltas.size(); i++) {
            String member = pointsMembers.get(i);
            arrived.computeIfAbsent(ownerOf.getOrDefault(member, member), k -> new ArrayList<>()).add(pointsDeltas.get(i));
        }
        // In steps: a survivor with a position, no merge in this push, and every new delta after the position.
        List<String> stepped = new ArrayList<>();
        List<String> refolded = new ArrayList<>();
        for (String survivor : survivors) {
            Delta from = folded.get(survivor);
            List<Delta> news = arrived.getOrDefault(survivor, List.of());
            if (from != null && !merging.contains(survivor) && news.stream().allMatch(d -> ORDER.compare(d, from) > 0)) {
                stepped.add(survivor);
            } else {
                refolded.add(survivor);
            }
        }
        if (!stepped.isEmpty()) {
            step(sql, stepped, arrived);
        }
        java.util.Map<String, Delta> last = new java.util.HashMap<>();
        java.util.Map<String, PointsLots> lots = lotsOf(sql, refolded, ownerOf, last);
        // A merged id holds no lots of its own: they are its survivor's now. Every survivor folded again is written again.
        TreeSet<String> cleared = new TreeSet<>(touched);
        cleared.addAll(survivors);
        stepped.forEach(cleared::remove);
        sql.updateIn(DELETE_LOTS_OF, List.copyOf(cleared));
        sql.updateIn(DELETE_OVERDRAFTS_OF, List.copyOf(cleared));
        sql.updateIn(DELETE_FOLDED_OF, List.copyOf(cleared));
        insert(sql, lots);
        sql.batch(INSERT_FOLDED, last.entrySet().stream()
                .map(e -> new Object[] {e.getKey(), e.getValue().occurredMs(), e.getValue().eventId()}).toList());
        return List.of();
    }

    /**
     * Takes each of {@code stepped} forward from its lots as written by the deltas that {@code arrived} for it (all after
     * its position), and writes only the rows that changed: the lots of days whose points moved, the
     * lots used up, the overdraft, the position.
     */
    private void step(SqlSession sql, List<String> stepped, java.util.Map<String, List<Delta>> arrived) {
        java.util.Map<String, PointsLots> held = stored(sql, stepped);
        List<Object[]> setLots = new ArrayList<>();
        List<Object[]> deleteLots = new ArrayList<>();
        List<Object[]> setOverdrafts = new ArrayList<>();
        List<Object[]> deleteOverdrafts = new ArrayList<>();
        List<Object[]> positions = new ArrayList<>();
        for (String survivor : stepped) {
            List<Delta> news = arrived.getOrDefault(survivor, List.of()).stream().sorted(ORDER).toList();
            if (news.isEmpty()) {
                continue;
            }
            PointsLots before = held.getOrDefault(survivor, PointsLots.EMPTY);
            PointsLots after = before;
            for (Delta d : news) {
                after = after.apply(new PointsLots.Change(day(d.occurredMs()), d.delta()));
            }
            java.util.Map<LocalDate, Long> was = rows(before);
            rows(after).forEach((day, remaining) -> {
                if (!remaining.equals(was.remove(day))) {
                    setLots.add(new Object[] {survivor, day.toString(), remaining});
                }
            });
            was.keySet().forEach(day -> deleteLots.add(new Object[] {survivor, day.toString()}));
            if (after.overdraft() != before.overdraft()) {
                if (after.overdraft() > 0) {
                    setOverdrafts.add(new Object[] {survivor, after.overdraft()});
                } else {
                    deleteOverdrafts.add(new Object[] {survivor});
                }
            }
            positions.add(new Object[] {survivor, news.getLast().occurredMs(), news.getLast().eventId()});
        }
        sql.batch(DELETE_LOT, deleteLots);
        sql.batch(SET_LOT, setLots);
        sql.batch(DELETE_OVERDRAFT, deleteOverdrafts);
        sql.batch(SET_OVERDRAFT, setOverdrafts);
        sql.batch(SET_FOLDED, positions);
    }

    /** The rows {@code lots} is written as: a day's points in one row (a late change may have left two lots of a day). */
    private static java.util.Map<LocalDate, Long> rows(PointsLots lots) {
        java.util.Map<LocalDate, Long> rows = new java.util.LinkedHashMap<>();
        lots.lots().forEach(lot -> rows.merge(lot.earned(), lot.remaining(), Long::sum));
        return rows;
    }

    /** The order the fold takes deltas in: when they happened, then by event id. */
    private static final java.util.Comparator<Delta> ORDER = java.util.Comparator.comparingLong(Delta::occurredMs)
            .thenComparing(Delta::eventId);

    /** Each of {@code survivors} and every id merged into one, mapped to its survivor. */
    private static java.util.Map<String, String> family(SqlSession sql, List<String> survivors) {
        java.util.Map<String, String> ownerOf = new java.util.HashMap<>();
        survivors.forEach(survivor -> ownerOf.put(survivor, survivor));
        sql.forEachIn(MERGED_INTO, survivors, rs -> ownerOf.put(rs.getString(1), rs.getString(2)));
        return ownerOf;
    }

    /** The lots and overdrafts of {@code members} as written. */
    private static java.util.Map<String, PointsLots> stored(SqlSession sql, List<String> members) {
        java.util.Map<String, List<PointsLots.Lot>> lots = new java.util.HashMap<>();
        sql.forEachIn(LOTS_OF, members, rs -> lots.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(new PointsLots.Lot(LocalDate.parse(rs.getString(2)), rs.getLong(3))));
        java.util.Map<String, Long> overdrafts = new java.util.HashMap<>();
        sql.forEachIn(OVERDRAFTS_OF, members, rs -> overdrafts.put(rs.getString(1), rs.getLong(2)));
        java.util.Map<String, PointsLots> stored = new java.util.HashMap<>();
        for (String member : members) {
            List<PointsLots.Lot> held = new ArrayList<>(lots.getOrDefault(member, List.of()));
            held.sort(java.util.Comparator.comparing(PointsLots.Lot::earned));
            stored.put(member, new PointsLots(held, overdrafts.getOrDefault(member, 0L)));
        }
        return stored;
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
                List<String> chunk = survivors.subList(from, Math.min(survivors.size(), from + SqlSession.IN_CHUNK));
                // No position is written: its table comes with a later migration (V239), and a member without one is
                // folded in full at its next change.
                projection.insert(sql, projection.lotsOf(sql, chunk, family(sql, chunk), new java.util.HashMap<>()));
            }
        }
    }

    /** A points delta of a survivor (or an id merged into it), in the order the fold takes them. */
    private record Delta(long occurredMs, String eventId, long delta) {
    }

    /**
     * The lots of each of {@code survivors}, folded from its deltas and those of the ids merged into it ({@code ownerOf}
     * maps each id to its survivor); the last delta folded of each goes into {@code last}.
     */
    private java.util.Map<String, PointsLots> lotsOf(SqlSession sql, List<String> survivors, java.util.Map<String, String> ownerOf,
                                                     java.util.Map<String, Delta> last) {
        java.util.Map<String, List<Delta>> deltas = new java.util.TreeMap<>();
        survivors.forEach(survivor -> deltas.put(survivor, new ArrayList<>()));
        List<String> ids = ownerOf.entrySet().stream().filter(e -> deltas.containsKey(e.getValue())).map(java.util.Map.Entry::getKey).toList();
        sql.forEachIn(POINTS_DELTAS_OF, ids, rs -> deltas.get(ownerOf.get(rs.getString(1)))
                .add(new Delta(rs.getLong(2), rs.getString(3), rs.getLong(4))));
        java.util.Map<String, PointsLots> lots = new java.util.TreeMap<>();
        deltas.forEach((survivor, changes) -> {
            List<Delta> ordered = changes.stream().sorted(ORDER).toList();
            lots.put(survivor, PointsLots.of(ordered.stream().map(d -> new PointsLots.Change(day(d.occurredMs()), d.delta())).toList()));
            if (!ordered.isEmpty()) {
                last.put(survivor, ordered.getLast());
            }
        });
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
