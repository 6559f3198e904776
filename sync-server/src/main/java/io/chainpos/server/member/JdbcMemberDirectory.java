package io.chainpos.server.member;

import io.chainpos.model.id.MemberId;
import io.chainpos.server.db.Database;
import io.chainpos.server.db.KeyRing;
import io.chainpos.server.merge.ProfileField;
import io.chainpos.server.web.Cursor;
import io.chainpos.server.web.ListRequest;
import io.chainpos.server.web.Slice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The member directory over the member projection's tables (member_home, member_fields, member_keys), and the index of
 * names by pairs of letters ({@link JdbcMemberNames}) that a search by name goes through.
 */
public final class JdbcMemberDirectory implements MemberDirectory {
    /**
     * Members with a key still waiting to be indexed above which a search opens every name instead (the index is being
     * filled, after an upgrade or a restore): the search stays right, only slower, until the index has caught up.
     */
    static final long WAITING_AT_MOST = 5_000;

    private final Database db;
    private final JdbcMemberKeys keys;
    private final JdbcMemberNames names;
    /** A name's row with its key and its survivor, for both ways of searching by name. */
    private static final String NAMES_FROM = "SELECT f.member_id, f.value, k.key_material, COALESCE(a.survivor_id, f.member_id) "
            + "FROM member_fields f JOIN member_keys k ON k.member_id = f.member_id "
            + "LEFT JOIN member_aliases a ON a.merged_id = f.member_id ";

    public JdbcMemberDirectory(Database db, KeyRing ring) {
        this.db = db;
        this.keys = new JdbcMemberKeys(ring);
        this.names = new JdbcMemberNames(db, ring, io.chainpos.model.json.EventCodec.standard());
    }

    /** Indexes the names waiting, a batch at a time, until none is left; returns how many members were (re)indexed. */
    public int indexNames() {
        return names.catchUp();
    }

    @Override
    public Slice<Listed> list(ListRequest request, Optional<String> store) {
        ListRequest.Keyset keyset = request.keyset();
        List<Object> args = new ArrayList<>();
        args.add(ProfileField.CARD_NO.stored());
        args.add(ProfileField.TIER_CODE.stored());
        args.addAll(keyset.args());
        StringBuilder where = new StringBuilder(keyset.where())
                .append(" AND NOT EXISTS (SELECT 1 FROM member_aliases a WHERE a.merged_id = h.member_id)");
        Optional<String> home = store.or(() -> request.filter("home"));
        home.ifPresent(s -> {
            where.append(" AND h.store_id = ?");
            args.add(s);
        });
        request.filter("tier").ifPresent(tier -> {
            where.append(" AND t.value = ?");
            args.add(tier);
        });
        args.add(request.size() + 1);
        String sql = "SELECT h.member_id, COALESCE(c.value, ''), COALESCE(t.value, ''), h.store_id, h.registered_ms FROM member_home h "
                + "LEFT JOIN member_fields c ON c.member_id = h.member_id AND c.field = ? "
                + "LEFT JOIN member_fields t ON t.member_id = h.member_id AND t.field = ? "
                + "WHERE " + where + " ORDER BY " + keyset.orderBy() + " LIMIT ?";
        List<Listed> rows = db.read(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < args.size(); i++) {
                query.bind(i, args.get(i));
            }
            return query.map((rs, ctx) -> new Listed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    Instant.ofEpochMilli(rs.getLong(5)))).list();
        });
        return request.slice(rows, row -> new Cursor(switch (request.sort().name()) {
            case "card" -> row.cardNo();
            case "home" -> row.homeStore();
            default -> Long.toString(row.registered().toEpochMilli());
        }, row.memberId()));
    }

    @Override
    public Optional<String> memberIdByCard(String cardNo) {
        return db.readConsistent(h -> h.createQuery("""
                        SELECT COALESCE(a.survivor_id, f.member_id) FROM member_fields f
                        LEFT JOIN member_aliases a ON a.merged_id = f.member_id
                        WHERE f.field = :field AND f.value = :card ORDER BY f.member_id""")
                .bind("field", ProfileField.CARD_NO.stored()).bind("card", cardNo)
                .mapTo(String.class).findFirst());
    }

    @Override
    public Standing standing(List<String> family) {
        return db.readConsistent(h -> {
            Set<String> stores = new TreeSet<>();
            long[] first = {Long.MAX_VALUE};
            h.createQuery("SELECT store_id, registered_ms FROM member_home WHERE member_id IN (<ids>)")
                    .bindList("ids", family)
                    .map((rs, ctx) -> {
                        stores.add(rs.getString(1));
                        first[0] = Math.min(first[0], rs.getLong(2));
                        return null;
                    })
                    .forEach(ignored -> { });
            boolean erased = h.createQuery("SELECT COUNT(*) FROM erased_members WHERE member_id = :id")
                    .bind("id", family.getFirst()).mapTo(Long.class).one() > 0;
            return new Standing(stores, first[0] == Long.MAX_VALUE ? null : Instant.ofEpochMilli(first[0]), erased);
        });
    }

    /**
     * Through the index when the text has a pair of letters and the index has caught up: the members holding every pair
     * are the candidates, and each candidate's name is opened to check it. A single letter, or an index still being
     * filled, opens every name in turn as before.
     */
    @Override
    public NameScan byName(String text, Optional<String> store, Optional<String> after, int scanAtMost) {
        Set<String> pairs = JdbcMemberNames.pairs(text);
        if (!pairs.isEmpty()) {
            names.run(); // what the log brought since the last run
            if (names.waiting() <= WAITING_AT_MOST) {
                names.catchUp();
                return indexed(JdbcMemberNames.normal(text), names.grams(pairs), store, after, scanAtMost);
            }
        }
        return scanned(text, store, after, scanAtMost);
    }

    private NameScan indexed(String wanted, List<String> grams, Optional<String> store, Optional<String> after, int atMost) {
        List<String> candidates = db.read(h -> h.createQuery("""
                        SELECT member_id FROM member_name_grams WHERE gram IN (<grams>) AND member_id > :after
                        GROUP BY member_id HAVING COUNT(*) = :pairs ORDER BY member_id LIMIT :limit""")
                .bindList("grams", grams).bind("after", after.orElse("")).bind("pairs", grams.size()).bind("limit", atMost)
                .mapTo(String.class).list());
        if (candidates.isEmpty()) {
            return new NameScan(List.of(), Optional.empty(), 0);
        }
        Set<String> found = new LinkedHashSet<>();
        db.read(h -> {
            var query = h.createQuery(NAMES_FROM
                            + (store.isPresent() ? "JOIN member_home h ON h.member_id = f.member_id AND h.store_id = :store " : "")
                            + "WHERE f.field = :field AND f.member_id IN (<ids>) ORDER BY f.member_id")
                    .bind("field", ProfileField.NAME.stored()).bindList("ids", candidates);
            store.ifPresent(s -> query.bind("store", s));
            query.map((rs, ctx) -> {
                if (nameContains(rs.getString(1), rs.getString(3), rs.getString(2), wanted)) {
                    found.add(rs.getString(4));
                }
                return null;
            }).forEach(ignored -> { });
            return null;
        });
        return new NameScan(List.copyOf(found), candidates.size() < atMost ? Optional.empty() : Optional.of(candidates.getLast()),
                candidates.size());
    }

    /** Every sealed name after {@code after} opened in turn, at most {@code scanAtMost}. */
    private NameScan scanned(String text, Optional<String> store, Optional<String> after, int scanAtMost) {
        String wanted = JdbcMemberNames.normal(text);
        List<Object> args = new ArrayList<>();
        args.add(ProfileField.NAME.stored());
        args.add(after.orElse(""));
        String sql = NAMES_FROM
                + (store.isPresent() ? "JOIN member_home h ON h.member_id = f.member_id AND h.store_id = ? " : "")
                + "WHERE f.field = ? AND f.member_id > ? ORDER BY f.member_id LIMIT ?";
        store.ifPresent(s -> args.addFirst(s));
        args.add(scanAtMost);
        Set<String> found = new LinkedHashSet<>();
        String[] last = {null};
        int[] scanned = {0};
        db.read(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < args.size(); i++) {
                query.bind(i, args.get(i));
            }
            query.map((rs, ctx) -> {
                last[0] = rs.getString(1);
                scanned[0]++;
                if (nameContains(rs.getString(1), rs.getString(3), rs.getString(2), wanted)) {
                    found.add(rs.getString(4));
                }
                return null;
            }).forEach(ignored -> { });
            return null;
        });
        return new NameScan(List.copyOf(found), scanned[0] < scanAtMost ? Optional.empty() : Optional.ofNullable(last[0]), scanned[0]);
    }

    /** Whether the member's sealed name, opened with its stored key, contains {@code wanted} (as {@link JdbcMemberNames#normal}). */
    private boolean nameContains(String memberId, String storedKey, String sealedName, String wanted) {
        return keys.opened(memberId, storedKey).flatMap(k -> JdbcMemberNames.opened(k, sealedName))
                .map(name -> JdbcMemberNames.normal(name).contains(wanted)).orElse(false);
    }
}
