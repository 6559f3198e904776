package io.chainpos.till.member;

import io.chainpos.model.event.Gender;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.id.MemberId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import io.chainpos.till.ledger.LedgerSession;

/** Finds members this till knows; a merged-away id finds its survivor. */
public final class MemberStore {
    private static final String COLUMNS = "m.member_id, m.card_no, m.phone, m.name, m.gender, m.birthday, "
            + "m.tier_code, m.consent_marketing";

    public Optional<Member> findById(LedgerSession session, MemberId id) {
        return session.handle().createQuery("SELECT " + COLUMNS + " FROM members m WHERE m.member_id = "
                        + "COALESCE((SELECT survivor_id FROM member_aliases WHERE merged_id = :id), :id) "
                        + "AND m.card_no IS NOT NULL")
                .bind("id", id.toString())
                .map((rs, ctx) -> member(rs))
                .findOne();
    }

    /** Members with this phone, survivors only; more than one means a merge is still to come from head office. */
    public List<Member> findByPhone(LedgerSession session, String phone) {
        return session.handle().createQuery("SELECT " + COLUMNS + " FROM members m WHERE m.phone = :phone AND m.card_no IS NOT NULL "
                        + "AND m.member_id NOT IN (SELECT merged_id FROM member_aliases) ORDER BY m.registered_at")
                .bind("phone", phone)
                .map((rs, ctx) -> member(rs))
                .list();
    }

    public Optional<Member> findByCard(LedgerSession session, CardNo cardNo) {
        return session.handle().createQuery("SELECT member_id FROM members WHERE card_no = :card")
                .bind("card", cardNo.value())
                .mapTo(String.class)
                .findOne()
                .flatMap(id -> findById(session, MemberId.parse(id)));
    }

    public boolean cardExists(LedgerSession session, CardNo cardNo) {
        return session.handle().createQuery("SELECT COUNT(*) FROM members WHERE card_no = :card")
                .bind("card", cardNo.value()).mapTo(Integer.class).one() > 0;
    }

    private static Member member(java.sql.ResultSet rs) throws java.sql.SQLException {
        String birthday = rs.getString("birthday");
        return new Member(
                MemberId.parse(rs.getString("member_id")),
                new CardNo(rs.getString("card_no")),
                rs.getString("phone"),
                rs.getString("name"),
                Gender.valueOf(rs.getString("gender")),
                birthday == null ? null : LocalDate.parse(birthday),
                rs.getString("tier_code"),
                rs.getBoolean("consent_marketing"));
    }
}
