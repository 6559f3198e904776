package io.chainpos.server.member;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.MemberProfileChanged;
import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.SqlSession;
import io.chainpos.server.log.Projection;
import io.chainpos.server.merge.ProfileField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Notes the phones two or more unmerged members hold, in the transaction that merged the registration (or the change of
 * phone) that made them shared: {@link DuplicatePhones} publishes the merge head office owes them once the note has
 * committed. Registered after {@link JdbcMemberProjection}, whose fields it reads. A phone whose members a later event of
 * the same chunk merged is not noted; one merged before the note is published is cleared without a merge. A phone noted
 * again while a node holds a claim on it stays claimed: that node releases it once it has published what it read.
 */
public final class JdbcPhoneDuplicatesProjection implements Projection {
    /** The phones among these held by more than one survivor (a superset: the winning phone is checked on publishing). */
    private static final String SHARED = """
            SELECT f.value FROM member_fields f LEFT JOIN member_aliases a ON a.merged_id = f.member_id
            WHERE f.field = '%s' AND f.value IN (%%s)
            GROUP BY f.value HAVING COUNT(DISTINCT COALESCE(a.survivor_id, f.member_id)) > 1""".formatted(ProfileField.PHONE_HASH.stored());
    private static final String NOTE = """
            INSERT INTO phone_duplicates (phone_hash, noted_by) VALUES (?, ?)
            ON CONFLICT (phone_hash) DO UPDATE SET noted_by = excluded.noted_by""";

    @Override
    public List<String> tables() {
        return List.of("phone_duplicates");
    }

    @Override
    public List<SyncException> apply(SqlSession sql, List<EventEnvelope> events, Instant now) {
        Map<String, String> lastBy = new LinkedHashMap<>(); // phone hash -> the last event of the chunk giving it
        for (EventEnvelope event : events) {
            String hash = switch (event.payload()) {
                case MemberRegistered r -> r.phoneHash();
                case MemberProfileChanged c -> c.phoneHash();
                default -> null;
            };
            if (hash != null) {
                lastBy.put(hash, event.eventId().toString());
            }
        }
        if (lastBy.isEmpty()) {
            return List.of();
        }
        List<Object[]> notes = new ArrayList<>();
        sql.forEachIn(SHARED, List.copyOf(lastBy.keySet()), rs -> notes.add(new Object[] {rs.getString(1), lastBy.get(rs.getString(1))}));
        notes.sort(java.util.Comparator.comparing(note -> (String) note[0])); // two nodes lock the rows in one order
        sql.batch(NOTE, notes);
        return List.of();
    }
}
