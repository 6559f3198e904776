package io.chainpos.server.member;

import io.chainpos.model.sync.MemberView;
import io.chainpos.server.merge.FieldWrite;
import io.chainpos.server.merge.MemberProfiles;
import io.chainpos.server.merge.ProfileField;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Reads a merged member from the projections: its own fields and balances and those of members merged into
 * it, personal fields opened with the key of the member id that wrote them.
 */
final class JdbcMemberViews {
    private final JdbcMemberKeys keys;

    JdbcMemberViews(JdbcMemberKeys keys) {
        this.keys = keys;
    }

    /** The merged member whose current phone hash this is; several unmerged ones: the oldest id. */
    Optional<MemberView> byPhoneHash(Handle h, String phoneHash) {
        return survivorsWithPhoneHash(h, phoneHash).stream()
                .map(survivor -> view(h, survivor))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** Survivors (oldest id first) whose merged profile's current phone hash is {@code phoneHash}. */
    List<String> survivorsWithPhoneHash(Handle h, String phoneHash) {
        return h.createQuery("""
                        SELECT DISTINCT COALESCE(a.survivor_id, f.member_id) AS survivor
                        FROM member_fields f LEFT JOIN member_aliases a ON a.merged_id = f.member_id
                        WHERE f.field = :field AND f.value = :hash
                        ORDER BY survivor""")
                .bind("field", ProfileField.PHONE_HASH.stored())
                .bind("hash", phoneHash)
                .mapTo(String.class)
                .list()
                .stream()
                .filter(survivor -> phoneHash.equals(MemberProfiles.value(MemberProfiles.winners(writes(h, survivor)),
                        ProfileField.PHONE_HASH)))
                .toList();
    }

    static String survivor(Handle h, String memberId) {
        return h.createQuery("SELECT survivor_id FROM member_aliases WHERE merged_id = :id")
                .bind("id", memberId).mapTo(String.class).findOne().orElse(memberId);
    }

    static List<FieldWrite> writes(Handle h, String survivor) {
        return h.createQuery("""
                        SELECT member_id, field, value, hlc, till_id, event_id FROM member_fields
                        WHERE member_id IN (SELECT :id UNION ALL SELECT merged_id FROM member_aliases WHERE survivor_id = :id)""")
                .bind("id", survivor)
                .map((rs, ctx) -> {
                    Optional<ProfileField> field = ProfileField.fromStored(rs.getString(2));
                    return field.isEmpty() ? null : new FieldWrite(rs.getString(1), field.get(), rs.getString(3),
                            rs.getLong(4), rs.getString(5), rs.getString(6));
                })
                .list()
                .stream()
                .filter(Objects::nonNull)
                .toList();
    }

    Optional<MemberView> view(Handle h, String memberId) {
        String survivor = survivor(h, memberId);
        List<FieldWrite> writes = writes(h, survivor);
        Optional<long[]> balances = h.createQuery("""
                        SELECT COUNT(*), COALESCE(SUM(points), 0), COALESCE(SUM(stored_value), 0), COALESCE(SUM(stored_value_bonus), 0)
                        FROM member_balances
                        WHERE member_id IN (SELECT :id UNION ALL SELECT merged_id FROM member_aliases WHERE survivor_id = :id)""")
                .bind("id", survivor)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                .findOne()
                .filter(b -> b[0] > 0);
        if (writes.isEmpty() && balances.isEmpty()) {
            return Optional.empty();
        }
        long[] b = balances.orElse(new long[4]);
        Set<String> writers = new HashSet<>();
        writes.forEach(w -> writers.add(w.memberId()));
        return Optional.of(MemberProfiles.view(survivor, writes, b[1], b[2], b[3], keys.opener(h, writers)));
    }
}
