package io.chainpos.till.member;

import io.chainpos.model.event.Gender;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.Phones;
import io.chainpos.till.ledger.LedgerSession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Finds members this till knows, by id, card or phone (through its keyed hash), and opens their personal
 * fields with their keys. A merged-away id finds its survivor.
 */
public final class MemberStore {
    private static final String COLUMNS = "m.member_id, m.card_no, m.phone, m.name, m.gender, m.birthday, "
            + "m.tier_code, m.consent_marketing, k.key_material";
    private static final String FROM = " FROM members m LEFT JOIN member_keys k ON k.member_id = m.member_id ";

    private final MemberKeyStore keys;

    public MemberStore() {
        this(new MemberKeyStore());
    }

    public MemberStore(MemberKeyStore keys) {
        this.keys = keys;
    }

    public MemberKeyStore keys() {
        return keys;
    }

    public Optional<Member> findById(LedgerSession session, MemberId id) {
        MemberId survivor = session.handle().createQuery("SELECT survivor_id FROM member_aliases WHERE merged_id = :id")
                .bind("id", id.toString())
                .map((rs, ctx) -> MemberId.parse(rs.getString(1)))
                .findOne()
                .orElse(id);
        return session.handle().createQuery("SELECT " + COLUMNS + FROM + "WHERE m.member_id = :id AND m.card_no IS NOT NULL")
                .bind("id", MemberColumns.id(survivor))
                .map((rs, ctx) -> member(rs))
                .findOne();
    }

    /**
     * Members with this phone (as typed: it is normalised first), survivors only; more than one means a merge is
     * still to come from head office. Empty for a text that is not a mobile number, or before enrollment.
     */
    public List<Member> findByPhone(LedgerSession session, String phone) {
        Optional<String> normalized = Phones.normalize(phone);
        if (normalized.isEmpty()) {
            return List.of();
        }
        return keys.phoneLookup(session)
                .map(lookup -> findByPhoneHash(session, lookup.hash(normalized.get())))
                .orElse(List.of());
    }

    List<Member> findByPhoneHash(LedgerSession session, String hash) {
        List<Member> found = MemberProjection.stored(session.handle().createQuery("SELECT " + COLUMNS + FROM
                        + "WHERE m.phone_hash = :hash AND m.card_no IS NOT NULL ORDER BY m.registered_ms, m.member_id"),
                        "hash", MemberColumns.phoneHash(hash))
                .map((rs, ctx) -> member(rs))
                .list();
        // Merged-away members are left out; a phone finds one member, or the few a merge is still to join.
        return found.stream().filter(m -> !mergedAway(session, m.memberId())).toList();
    }

    private static boolean mergedAway(LedgerSession session, MemberId member) {
        return session.handle().createQuery("SELECT COUNT(*) FROM member_aliases WHERE merged_id = :id")
                .bind("id", member.toString()).mapTo(Integer.class).one() > 0;
    }

    public Optional<Member> findByCard(LedgerSession session, CardNo cardNo) {
        return session.handle().createQuery("SELECT member_id FROM members WHERE card_no = :card")
                .bind("card", cardNo.value())
                .map((rs, ctx) -> MemberColumns.id(rs.getBytes(1)))
                .findOne()
                .flatMap(id -> findById(session, id));
    }

    /** The ids merged into this survivor (the survivor itself not included). */
    public List<MemberId> mergedInto(LedgerSession session, MemberId survivor) {
        return session.handle().createQuery("SELECT merged_id FROM member_aliases WHERE survivor_id = :id ORDER BY merged_id")
                .bind("id", survivor.toString())
                .map((rs, ctx) -> MemberId.parse(rs.getString(1)))
                .list();
    }

    /**
     * The envelopes (JSON) of this till's own and kept pulled events of {@code types} about any of these members (a
     * pulled registration or profile change is absorbed into the members table and its envelope not kept),
     * found through the member index ({@link MemberEventIndexProjection}), not by reading every envelope.
     */
    public List<String> eventsAbout(LedgerSession session, List<MemberId> family, List<String> types) {
        String about = " WHERE event_id IN (SELECT event_id FROM member_events WHERE member_id IN (<ids>) AND type IN (<types>))";
        return session.handle().createQuery("SELECT envelope FROM ledger_events" + about
                        + " UNION ALL SELECT envelope FROM remote_events" + about)
                .bindList("ids", family.stream().map(MemberId::toString).distinct().toList())
                .bindList("types", types)
                .mapTo(String.class)
                .list();
    }

    public boolean cardExists(LedgerSession session, CardNo cardNo) {
        return session.handle().createQuery("SELECT COUNT(*) FROM members WHERE card_no = :card")
                .bind("card", cardNo.value()).mapTo(Integer.class).one() > 0;
    }

    private Member member(ResultSet rs) throws SQLException {
        MemberId id = MemberColumns.id(rs.getBytes("member_id"));
        MemberKey key = keys.open(id, rs.getObject("key_material")).orElse(null);
        String birthday = open(key, rs.getObject("birthday"));
        String gender = rs.getString("gender");
        return new Member(
                id,
                new CardNo(rs.getString("card_no")),
                open(key, rs.getObject("phone")),
                open(key, rs.getObject("name")),
                gender == null ? Gender.UNSPECIFIED : Gender.valueOf(gender),
                birthday == null ? null : LocalDate.parse(birthday),
                rs.getString("tier_code"),
                rs.getBoolean("consent_marketing"));
    }

    private static String open(MemberKey key, Object sealed) {
        return key == null || sealed == null ? null : key.open(MemberColumns.sealed(sealed)).orElse(null);
    }
}
