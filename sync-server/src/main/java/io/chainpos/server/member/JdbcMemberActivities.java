package io.chainpos.server.member;

import io.chainpos.model.id.MemberId;
import io.chainpos.server.db.ReportReads;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/** The member activity port over the tables {@link JdbcMemberActivityProjection} and {@link JdbcMemberProjection} write. */
public final class JdbcMemberActivities implements MemberActivities {
    // Each person's figures from a "people" table (person, and each of its ids as member_id); %s: a WHERE clause or nothing.
    private static final String FIGURES_OF_PEOPLE = """
            SELECT p.person,
                   COALESCE((SELECT store_id FROM member_home WHERE member_id = p.person), MIN(h.store_id)),
                   COALESCE(MIN(h.registered_ms), 0), COALESCE(MIN(x.first_visit_ms), 0), COALESCE(MAX(x.last_visit_ms), 0),
                   COALESCE(SUM(x.visits), 0), COALESCE(SUM(x.spend), 0)
            FROM people p LEFT JOIN member_home h ON h.member_id = p.member_id
                          LEFT JOIN member_activity x ON x.member_id = p.member_id
            %s
            GROUP BY p.person ORDER BY p.person""";

    // Each id that registered or visited, counted in its survivor; the home store is the survivor's own when it has one.
    private static final String PEOPLE = """
            WITH ids AS (SELECT member_id FROM member_home UNION SELECT member_id FROM member_activity),
                 people AS (SELECT COALESCE(a.survivor_id, ids.member_id) AS person, ids.member_id
                            FROM ids LEFT JOIN member_aliases a ON a.merged_id = ids.member_id)
            """ + FIGURES_OF_PEOPLE;

    // The same, for the persons one of whose ids registered at a store: the only ones that can have it as home store.
    private static final String PEOPLE_AT = """
            WITH persons AS (SELECT DISTINCT COALESCE(a.survivor_id, h.member_id) AS person
                             FROM member_home h LEFT JOIN member_aliases a ON a.merged_id = h.member_id
                             WHERE h.store_id = :store),
                 people AS (SELECT person, person AS member_id FROM persons
                            UNION SELECT a.survivor_id, a.merged_id FROM member_aliases a JOIN persons ON persons.person = a.survivor_id)
            """ + FIGURES_OF_PEOPLE.formatted("");

    private final ReportReads db;

    public JdbcMemberActivities(ReportReads db) {
        this.db = db;
    }

    @Override
    public Optional<Activity> of(MemberId memberId) {
        return db.readConsistent(h -> {
            String survivor = JdbcMemberViews.survivor(h, memberId.toString());
            List<String> family = family(h, survivor);
            Optional<Person> person = h.createQuery(PEOPLE.formatted("WHERE p.person = :person"))
                    .bind("person", survivor)
                    .map((rs, ctx) -> new Person(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7)))
                    .findOne();
            if (person.isEmpty()) {
                return Optional.empty();
            }
            List<TierMove> tiers = h.createQuery("""
                            SELECT member_id, from_tier, to_tier, occurred_ms FROM member_tiers WHERE member_id IN (<ids>)
                            ORDER BY occurred_ms, event_id""")
                    .bindList("ids", family)
                    .map((rs, ctx) -> new TierMove(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                    .list();
            List<Visit> visits = h.createQuery("""
                            SELECT store_id, occurred_ms, visits, spend FROM member_visits WHERE member_id IN (<ids>)
                            ORDER BY occurred_ms, event_id""")
                    .bindList("ids", family)
                    .map((rs, ctx) -> new Visit(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getLong(4)))
                    .list();
            return Optional.of(new Activity(person.get(), tiers, visits));
        });
    }

    @Override
    public void forEachPerson(Consumer<Person> each) {
        db.readConsistent(h -> {
            try (var rows = h.createQuery(PEOPLE.formatted(""))
                    .setFetchSize(1_000)
                    .map((rs, ctx) -> new Person(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7)))
                    .stream()) {
                rows.forEach(each);
            }
            return null;
        });
    }

    @Override
    public void forEachPersonAt(String homeStore, Consumer<Person> each) {
        db.readConsistent(h -> {
            try (var rows = h.createQuery(PEOPLE_AT)
                    .bind("store", homeStore)
                    .setFetchSize(1_000)
                    .map((rs, ctx) -> new Person(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7)))
                    .stream()) {
                rows.filter(p -> homeStore.equals(p.homeStore())).forEach(each);
            }
            return null;
        });
    }

    @Override
    public Tiers tiersAt(String homeStore, long fromMs, long untilMs) {
        // the ids of every person one of whose ids registered at the store: their moves, read through the member index
        return tiers(fromMs, untilMs, """
                WHERE t.member_id IN (
                    WITH persons AS (SELECT DISTINCT COALESCE(a2.survivor_id, h.member_id) AS person
                                     FROM member_home h LEFT JOIN member_aliases a2 ON a2.merged_id = h.member_id
                                     WHERE h.store_id = :store)
                    SELECT person FROM persons
                    UNION SELECT a3.merged_id FROM member_aliases a3 JOIN persons ON persons.person = a3.survivor_id)""", homeStore);
    }

    @Override
    public Tiers tiers(long fromMs, long untilMs) {
        return tiers(fromMs, untilMs, "", null);
    }

    private Tiers tiers(long fromMs, long untilMs, String narrowing, String store) {
        return db.readConsistent(h -> {
            java.util.Map<String, String> now = new java.util.HashMap<>();
            List<TierMove> moved = new java.util.ArrayList<>();
            var query = h.createQuery("""
                            SELECT COALESCE(a.survivor_id, t.member_id), t.from_tier, t.to_tier, t.occurred_ms
                            FROM member_tiers t LEFT JOIN member_aliases a ON a.merged_id = t.member_id
                            %s
                            ORDER BY t.occurred_ms, t.event_id""".formatted(narrowing));
            if (store != null) {
                query.bind("store", store);
            }
            try (var rows = query
                    .setFetchSize(1_000)
                    .map((rs, ctx) -> new TierMove(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                    .stream()) {
                rows.forEach(move -> {
                    now.put(move.memberId(), move.toTier());
                    if (move.fromTier() != null && move.atMs() >= fromMs && move.atMs() < untilMs) {
                        moved.add(move);
                    }
                });
            }
            return new Tiers(now, moved);
        });
    }

    private static List<String> family(Handle h, String survivor) {
        List<String> family = new java.util.ArrayList<>();
        family.add(survivor);
        family.addAll(h.createQuery("SELECT merged_id FROM member_aliases WHERE survivor_id = :id").bind("id", survivor)
                .mapTo(String.class).list());
        return family;
    }
}
