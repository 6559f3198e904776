package io.chainpos.server.member;

import io.chainpos.model.id.MemberId;
import io.chainpos.server.db.Database;
import io.chainpos.server.db.SqlSession;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Reads the consent field of the merged profile (the last writer among the member and the ids merged into it) and
 * the erased members, from the member projection's tables.
 */
public final class JdbcMarketingConsent implements MarketingConsent {
    private final Database db;

    public JdbcMarketingConsent(Database db) {
        this.db = db;
    }

    @Override
    public Standing standing(MemberId memberId) {
        return db.readConsistent(h -> {
            String survivor = JdbcMemberViews.survivor(h, memberId.toString());
            if (erased(h, memberId.toString()) || erased(h, survivor)) {
                return Standing.ERASED;
            }
            boolean known = h.createQuery("""
                            SELECT 1 FROM member_fields WHERE member_id IN (SELECT :id UNION ALL SELECT merged_id FROM member_aliases WHERE survivor_id = :id)""")
                    .bind("id", survivor).mapTo(Integer.class).findFirst().isPresent();
            if (!known) {
                return Standing.UNKNOWN;
            }
            // The member's ids as one list, so the field is found by its key (member, field): with the ids ORed, SQLite
            // chose the index of every member's consent and read a million rows for one member.
            Optional<String> consent = h.createQuery("""
                            SELECT value FROM member_fields WHERE field = 'consentMarketing'
                               AND member_id IN (SELECT :id UNION ALL SELECT merged_id FROM member_aliases WHERE survivor_id = :id)
                            ORDER BY hlc DESC, till_id DESC, event_id DESC""")
                    .bind("id", survivor).mapTo(String.class).findFirst();
            return consent.map(Boolean::parseBoolean).orElse(false) ? Standing.CONSENTS : Standing.DECLINED;
        });
    }

    @Override
    public Set<String> erasedAmong(Collection<String> memberIds) {
        List<String> ids = List.copyOf(memberIds);
        Set<String> erased = new HashSet<>();
        db.read(h -> {
            for (int from = 0; from < ids.size(); from += SqlSession.IN_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + SqlSession.IN_CHUNK));
                String places = SqlSession.places(chunk.size());
                var query = h.createQuery("SELECT member_id FROM erased_members WHERE member_id IN (" + places + ")"
                        + " UNION SELECT a.merged_id FROM member_aliases a JOIN erased_members e ON e.member_id = a.survivor_id"
                        + " WHERE a.merged_id IN (" + places + ")");
                for (int i = 0; i < chunk.size(); i++) {
                    query.bind(i, chunk.get(i));
                    query.bind(chunk.size() + i, chunk.get(i));
                }
                erased.addAll(query.mapTo(String.class).list());
            }
            return null;
        });
        return erased;
    }

    private static boolean erased(Handle h, String memberId) {
        return h.createQuery("SELECT 1 FROM erased_members WHERE member_id = :id").bind("id", memberId)
                .mapTo(Integer.class).findFirst().isPresent();
    }
}
