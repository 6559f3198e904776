package io.chainpos.server.member;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.Sealed;
import io.chainpos.server.db.Database;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The key channel beside the log: members' data keys and the chain's phone-lookup secret. Keys are written
 * once (the first till to hand one over wins; a second, different key for the same member is ignored, so a
 * till cannot replace another's) and never for an erased member.
 */
final class JdbcMemberKeys {
    static final String LOOKUP_SECRET = "member.lookup";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The chain's phone-lookup secret, made on first use; two nodes racing keep the first one stored. */
    String lookupSecret(Database db, String proposed) {
        Optional<String> existing = db.read(h -> secret(h));
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String fresh = proposed != null ? new io.chainpos.model.member.PhoneLookup(proposed).secret() : Base64.getEncoder().encodeToString(raw);
        return db.write(tx -> {
            tx.handle().createUpdate("INSERT INTO chain_secrets (name, value) VALUES (:name, :value) "
                    + "ON CONFLICT (name) DO NOTHING").bind("name", LOOKUP_SECRET).bind("value", fresh).execute();
            return secret(tx.handle()).orElseThrow();
        });
    }

    private static Optional<String> secret(Handle h) {
        return h.createQuery("SELECT value FROM chain_secrets WHERE name = :name").bind("name", LOOKUP_SECRET)
                .mapTo(String.class).findOne();
    }

    /** Stores the keys not known yet, skipping erased members; returns how many were new. */
    int store(Handle h, Collection<MemberKey> keys) {
        int stored = 0;
        for (MemberKey key : keys.stream().sorted(java.util.Comparator.comparing(k -> k.memberId().toString())).toList()) {
            stored += h.createUpdate("INSERT INTO member_keys (member_id, key_material) SELECT :id, :key "
                            + "WHERE NOT EXISTS (SELECT 1 FROM erased_members WHERE member_id = :id) "
                            + "ON CONFLICT (member_id) DO NOTHING")
                    .bind("id", key.memberId().toString()).bind("key", key.key()).execute();
        }
        return stored;
    }

    List<MemberKey> find(Handle h, Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        List<MemberKey> out = new ArrayList<>();
        List<String> ids = List.copyOf(memberIds);
        for (int from = 0; from < ids.size(); from += 500) {
            out.addAll(h.createQuery("SELECT member_id, key_material FROM member_keys WHERE member_id IN (<ids>)")
                    .bindList("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .map((rs, ctx) -> new MemberKey(MemberId.parse(rs.getString(1)), rs.getString(2)))
                    .list());
        }
        return out;
    }

    /** Opens sealed values with the keys of the members that wrote them. */
    MemberOpener opener(Handle h, Collection<String> memberIds) {
        Map<String, MemberKey> keys = find(h, memberIds).stream()
                .collect(Collectors.toMap(k -> k.memberId().toString(), k -> k));
        return (memberId, sealed) -> {
            MemberKey key = keys.get(memberId);
            if (key == null || sealed == null) {
                return null;
            }
            try {
                return key.open(new Sealed(sealed)).orElse(null);
            } catch (IllegalArgumentException notSealed) {
                return null;
            }
        };
    }

    interface MemberOpener extends io.chainpos.server.merge.MemberProfiles.Opener {
    }
}
