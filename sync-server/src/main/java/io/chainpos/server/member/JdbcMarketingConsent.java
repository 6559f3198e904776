package io.chainpos.server.member;

import io.chainpos.model.id.MemberId;
import io.chainpos.server.db.Database;
import java.util.Collection;
import java.util.HashSet;
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
                            SELECT 1 FROM member_fields WHERE member_id = :id
                               OR member_id IN (SELECT merged_id FROM member_aliases WHERE survivor_id = :id)""")
                    .bind("id", survivor).mapTo(Integer.class).findFirst().isPresent();
            if (!known) {
                return Standing.UNKNOWN;
            }
            Optional<String> consent = h.createQuery("""
                            SELECT value FROM member_fields WHERE field = 'consentMarketing'
                               AND (member_id = :id OR member_id IN (SELECT merged_id FROM member_aliases WHERE survivor_id = :id))
                            ORDER BY hlc DESC, till_id DESC, event_id DESC""")
                    .bind("id", survivor).mapTo(String.class).findFirst();
            return consent.map(Boolean::parseBoolean).orElse(false) ? Standing.CONSENTS : Standing.DECLINED;
        });
    }

    @Override
    public Set<String> erasedAmong(Collection<String> memberIds) {
        return db.read(h -> {
            Set<String> erased = new HashSet<>();
            for (String id : memberIds) {
                if (erased(h, id) || erased(h, JdbcMemberViews.survivor(h, id))) {
                    erased.add(id);
                }
            }
            return erased;
        });
    }

    private static boolean erased(Handle h, String memberId) {
        return h.createQuery("SELECT 1 FROM erased_members WHERE member_id = :id").bind("id", memberId)
                .mapTo(Integer.class).findFirst().isPresent();
    }
}
