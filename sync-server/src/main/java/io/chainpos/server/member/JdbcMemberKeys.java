package io.chainpos.server.member;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.Sealed;
import io.chainpos.server.db.Database;
import io.chainpos.server.db.KeyRing;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key channel beside the log: members' data keys and the chain's phone-lookup secret. Keys are written
 * once (the first till to hand one over wins; a second, different key for the same member is ignored, so a
 * till cannot replace another's) and never for an erased member. Both are kept wrapped by the database's
 * key-encryption keys ({@link KeyRing}), each bound to its row.
 */
final class JdbcMemberKeys {
    static final String LOOKUP_SECRET = "member.lookup";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = LoggerFactory.getLogger(JdbcMemberKeys.class);
    private final KeyRing ring;

    JdbcMemberKeys(KeyRing ring) {
        this.ring = ring;
    }

    /** The row a member's key is bound to when wrapped. */
    static String memberRow(String memberId) {
        return "member_keys/" + memberId;
    }

    /** The row a chain secret is bound to when wrapped. */
    static String secretRow(String name) {
        return "chain_secrets/" + name;
    }

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
                    + "ON CONFLICT (name) DO NOTHING").bind("name", LOOKUP_SECRET)
                    .bind("value", ring.wrap(secretRow(LOOKUP_SECRET), fresh)).execute();
            return secret(tx.handle()).orElseThrow();
        });
    }

    private Optional<String> secret(Handle h) {
        return h.createQuery("SELECT value FROM chain_secrets WHERE name = :name").bind("name", LOOKUP_SECRET)
                .mapTo(String.class).findOne().map(stored -> ring.unwrap(secretRow(LOOKUP_SECRET), stored));
    }

    /** Stores the keys not known yet, skipping erased members; returns how many were new. */
    int store(Handle h, Collection<MemberKey> keys) {
        int stored = 0;
        for (MemberKey key : keys.stream().sorted(java.util.Comparator.comparing(k -> k.memberId().toString())).toList()) {
            stored += h.createUpdate("INSERT INTO member_keys (member_id, key_material) SELECT :id, :key "
                            + "WHERE NOT EXISTS (SELECT 1 FROM erased_members WHERE member_id = :id) "
                            + "ON CONFLICT (member_id) DO NOTHING")
                    .bind("id", key.memberId().toString()).bind("key", ring.wrap(memberRow(key.memberId().toString()), key.key()))
                    .execute();
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
                    .map((rs, ctx) -> opened(rs.getString(1), rs.getString(2)))
                    .stream().flatMap(Optional::stream).toList());
        }
        return out;
    }

    /**
     * A member's key as stored, opened; empty, and said in the log, when it cannot be (its key-encryption key is not
     * in the key file, or the value was altered): the member is then served without name or phone, as one whose key
     * never came.
     */
    Optional<MemberKey> opened(String memberId, String stored) {
        try {
            return Optional.of(new MemberKey(MemberId.parse(memberId), ring.unwrap(memberRow(memberId), stored)));
        } catch (KeyRing.KeyUnavailable | IllegalArgumentException e) {
            LOG.atError().setMessage("memberKey.cannotOpen").addKeyValue("memberId", memberId).addKeyValue("reason", e.getMessage()).log();
            return Optional.empty();
        }
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
