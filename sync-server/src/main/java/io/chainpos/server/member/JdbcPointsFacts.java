package io.chainpos.server.member;

import io.chainpos.server.db.Database;
import io.chainpos.server.merge.FieldWrite;
import io.chainpos.server.merge.ProfileField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Points and tiers read from the member projection's balance deltas and tier fields, each id resolved to its survivor. */
public final class JdbcPointsFacts implements PointsFacts {
    private final Database db;

    public JdbcPointsFacts(Database db) {
        this.db = db;
    }

    @Override
    public void pointsHistory(Consumer<MemberPoints> each) {
        db.readConsistent(h -> {
            String[] current = {null};
            List<PointsRow> rows = new ArrayList<>();
            h.createQuery("""
                            SELECT COALESCE(a.survivor_id, d.member_id) AS survivor, d.occurred_ms, d.delta
                            FROM balance_deltas d LEFT JOIN member_aliases a ON a.merged_id = d.member_id
                            WHERE d.account = 'POINTS'
                            ORDER BY survivor, d.occurred_ms, d.event_id""")
                    .setFetchSize(1_000)
                    .map((rs, ctx) -> {
                        String member = rs.getString(1);
                        if (current[0] != null && !current[0].equals(member)) {
                            each.accept(new MemberPoints(current[0], List.copyOf(rows)));
                            rows.clear();
                        }
                        current[0] = member;
                        rows.add(new PointsRow(rs.getLong(2), rs.getLong(3)));
                        return member;
                    })
                    .forEach(ignored -> { });
            if (current[0] != null) {
                each.accept(new MemberPoints(current[0], List.copyOf(rows)));
            }
            return null;
        });
    }

    @Override
    public void lotsEarnedBy(java.time.LocalDate earnedBy, Consumer<MemberLots> each) {
        db.readConsistent(h -> {
            String[] current = {null};
            long[] overdraft = {0};
            List<io.chainpos.model.loyalty.PointsLots.Lot> lots = new ArrayList<>();
            Runnable emit = () -> each.accept(new MemberLots(current[0], new io.chainpos.model.loyalty.PointsLots(List.copyOf(lots), overdraft[0])));
            h.createQuery("""
                            SELECT l.member_id, l.earned_day, l.remaining, COALESCE(o.overdraft, 0)
                            FROM points_lots l LEFT JOIN points_overdrafts o ON o.member_id = l.member_id
                            WHERE l.member_id IN (SELECT DISTINCT member_id FROM points_lots WHERE earned_day <= :by)
                            ORDER BY l.member_id, l.earned_day""")
                    .bind("by", earnedBy.toString())
                    .setFetchSize(1_000)
                    .map((rs, ctx) -> {
                        String member = rs.getString(1);
                        if (current[0] != null && !current[0].equals(member)) {
                            emit.run();
                            lots.clear();
                        }
                        current[0] = member;
                        overdraft[0] = rs.getLong(4);
                        lots.add(new io.chainpos.model.loyalty.PointsLots.Lot(java.time.LocalDate.parse(rs.getString(2)), rs.getLong(3)));
                        return member;
                    })
                    .forEach(ignored -> { });
            if (current[0] != null) {
                emit.run();
            }
            return null;
        });
    }

    @Override
    public List<TierStanding> tierStandings(long fromMs, long untilMs, boolean bySpend) {
        return db.readConsistent(h -> {
            Map<String, FieldWrite> tiers = new TreeMap<>();
            h.createQuery("""
                            SELECT COALESCE(a.survivor_id, f.member_id), f.member_id, f.value, f.hlc, f.till_id, f.event_id
                            FROM member_fields f LEFT JOIN member_aliases a ON a.merged_id = f.member_id
                            WHERE f.field = :field""")
                    .bind("field", ProfileField.TIER_CODE.stored())
                    .map((rs, ctx) -> {
                        FieldWrite write = new FieldWrite(rs.getString(2), ProfileField.TIER_CODE, rs.getString(3), rs.getLong(4),
                                rs.getString(5), rs.getString(6));
                        tiers.merge(rs.getString(1), write, (a, b) -> b.winsOver(a) ? b : a);
                        return write;
                    })
                    .forEach(ignored -> { });
            String measure = bySpend ? "SUM(d.qualifying_spend)"
                    : "SUM(CASE WHEN d.reason IN ('EARN', 'REVERSE') THEN d.delta ELSE 0 END)";
            Map<String, Long> measures = new HashMap<>();
            h.createQuery("SELECT COALESCE(a.survivor_id, d.member_id) AS survivor, " + measure + " FROM balance_deltas d "
                            + "LEFT JOIN member_aliases a ON a.merged_id = d.member_id WHERE d.account = 'POINTS' "
                            + "AND d.occurred_ms >= :from AND d.occurred_ms < :until GROUP BY COALESCE(a.survivor_id, d.member_id)")
                    .bind("from", fromMs)
                    .bind("until", untilMs)
                    .map((rs, ctx) -> measures.put(rs.getString(1), rs.getLong(2)))
                    .forEach(ignored -> { });
            List<TierStanding> standings = new ArrayList<>();
            tiers.forEach((member, write) -> standings.add(new TierStanding(member, write.value(), measures.getOrDefault(member, 0L))));
            return standings;
        });
    }
}
