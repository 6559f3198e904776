package io.chainpos.server.member;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.PhoneLookup;
import io.chainpos.model.member.Phones;
import io.chainpos.model.sync.MemberView;
import io.chainpos.server.db.Database;
import io.chainpos.server.db.KeyRing;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The members port on either database, over the tables {@link JdbcMemberProjection} writes and the member keys. */
public final class JdbcMembers implements Members {
    private final Database db;
    private final JdbcMemberKeys keys;
    private final JdbcMemberViews views;
    private volatile PhoneLookup phoneLookup;

    /** @param ring the keys that wrap members' keys and the lookup secret at rest */
    public JdbcMembers(Database db, KeyRing ring) {
        this.db = db;
        this.keys = new JdbcMemberKeys(ring);
        this.views = new JdbcMemberViews(keys);
    }

    @Override
    public Optional<MemberView> member(MemberId memberId) {
        return db.readConsistent(h -> views.view(h, memberId.toString()));
    }

    @Override
    public Optional<MemberView> memberByPhone(String phone) {
        Optional<String> normalized = Phones.normalize(phone);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        String hash = phoneLookup().hash(normalized.get());
        return db.readConsistent(h -> views.byPhoneHash(h, hash));
    }

    private PhoneLookup phoneLookup() {
        PhoneLookup lookup = phoneLookup;
        if (lookup == null) {
            lookup = new PhoneLookup(memberLookupSecret());
            phoneLookup = lookup;
        }
        return lookup;
    }

    @Override
    public String memberLookupSecret() {
        return keys.lookupSecret(db, null);
    }

    @Override
    public String memberLookupSecret(String proposed) {
        return keys.lookupSecret(db, proposed);
    }

    @Override
    public int storeMemberKeys(List<MemberKey> memberKeys) {
        return memberKeys.isEmpty() ? 0 : db.write(tx -> {
            int stored = keys.store(tx.handle(), memberKeys);
            // A registration that came before its key could not be indexed by name: it can now.
            JdbcMemberNames.queue(tx.sql(), memberKeys.stream().map(k -> k.memberId().toString())
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
            return stored;
        });
    }

    @Override
    public List<MemberKey> memberKeys(List<MemberId> memberIds) {
        return db.read(h -> keys.find(h, memberIds.stream().map(MemberId::toString).distinct().toList()));
    }

    @Override
    public List<MemberId> survivorsWithPhoneHash(String phoneHash) {
        return db.readConsistent(h -> views.survivorsWithPhoneHash(h, phoneHash)).stream().map(MemberId::parse).toList();
    }

    /**
     * The survivor, then the ids merged into it in id order, read by one statement (one snapshot without a transaction:
     * a member's history asks this first, and a read-only transaction cost it four more round trips to the database).
     */
    @Override
    public List<MemberId> memberFamily(MemberId memberId) {
        return db.read(h -> h.createQuery("""
                        WITH s AS (SELECT COALESCE((SELECT survivor_id FROM member_aliases WHERE merged_id = :id), :id) AS id)
                        SELECT id, 0 AS merged FROM s
                        UNION ALL SELECT merged_id, 1 FROM member_aliases WHERE survivor_id = (SELECT id FROM s)
                        ORDER BY merged, id""")
                .bind("id", memberId.toString())
                .map((rs, ctx) -> MemberId.parse(rs.getString(1)))
                .list());
    }

    @Override
    public List<String> eventIdsAbout(List<MemberId> memberIds, java.util.Set<String> types) {
        if (memberIds.isEmpty() || types.isEmpty()) {
            return List.of();
        }
        return db.read(h -> h.createQuery("SELECT event_id FROM member_events WHERE member_id IN (<ids>) AND type IN (<types>)")
                .bindList("ids", memberIds.stream().map(MemberId::toString).distinct().toList())
                .bindList("types", List.copyOf(types))
                .mapTo(String.class)
                .list());
    }

    @Override
    public BalanceTotals balanceTotals() {
        return db.read(h -> h.createQuery("SELECT COALESCE(SUM(points), 0), COALESCE(SUM(stored_value), 0) FROM member_balances")
                .map((rs, ctx) -> new BalanceTotals(rs.getLong(1), rs.getLong(2))).one());
    }

    /** The tables an erasure deletes from: member keys, the personal fields of the projection, the name index. */
    @Override
    public void scrub() {
        // The erased members' pairs of letters go now, not at the name index's next run, so the scrub takes them too.
        db.write(tx -> tx.sql().update("""
                DELETE FROM member_name_grams WHERE member_id IN (SELECT member_id FROM erased_members)"""));
        db.scrub(List.of("member_keys", "member_fields", "member_name_grams"));
    }
}
