package io.chainpos.till.member;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.PhoneLookup;
import io.chainpos.till.ledger.LedgerSession;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The till's side of the key channel: members' data keys and the chain's phone-lookup secret, kept in the
 * ledger file but outside the event log, so erasing a member can destroy its key. The only place SQL on
 * these tables lives.
 */
public final class MemberKeyStore {
    static final String LOOKUP_SECRET = "member.lookup";

    private volatile PhoneLookup lookup;

    /** The chain's phone lookup, once enrollment has handed this till the secret. */
    public Optional<PhoneLookup> phoneLookup(LedgerSession session) {
        PhoneLookup known = lookup;
        if (known != null) {
            return Optional.of(known);
        }
        Optional<PhoneLookup> stored = session.handle().createQuery("SELECT value FROM till_secrets WHERE name = :name")
                .bind("name", LOOKUP_SECRET).mapTo(String.class).findOne().map(PhoneLookup::new);
        stored.ifPresent(l -> lookup = l);
        return stored;
    }

    public void keepLookupSecret(LedgerSession session, String secret) {
        new PhoneLookup(secret); // refuses a malformed one before it is kept
        session.handle().createUpdate("INSERT INTO till_secrets (name, value) VALUES (:name, :value) "
                        + "ON CONFLICT (name) DO UPDATE SET value = :value")
                .bind("name", LOOKUP_SECRET).bind("value", secret).execute();
        lookup = null;
    }

    public Optional<MemberKey> find(LedgerSession session, MemberId member) {
        return session.handle().createQuery("SELECT key_material FROM member_keys WHERE member_id = :id")
                .bind("id", member.toString())
                .mapTo(String.class)
                .findOne()
                .map(key -> new MemberKey(member, key));
    }

    /** Keeps a key; {@code handedOver} when it came from the server (or the server has it). Never replaces one. */
    public void keep(LedgerSession session, MemberKey key, boolean handedOver) {
        session.handle().createUpdate("INSERT INTO member_keys (member_id, key_material, handed_over) "
                        + "SELECT :id, :key, :over WHERE NOT EXISTS (SELECT 1 FROM members WHERE member_id = :id AND erased = 1) "
                        + "ON CONFLICT (member_id) DO NOTHING")
                .bind("id", key.memberId().toString()).bind("key", key.key()).bind("over", handedOver ? 1 : 0).execute();
    }

    /** Keys of members registered here that the server does not hold yet, oldest first. */
    public List<MemberKey> notHandedOver(LedgerSession session, int limit) {
        return session.handle().createQuery("SELECT member_id, key_material FROM member_keys WHERE handed_over = 0 "
                        + "ORDER BY member_id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new MemberKey(MemberId.parse(rs.getString(1)), rs.getString(2)))
                .list();
    }

    public void handedOver(LedgerSession session, Collection<MemberKey> keys) {
        for (MemberKey key : keys) {
            session.handle().createUpdate("UPDATE member_keys SET handed_over = 1 WHERE member_id = :id")
                    .bind("id", key.memberId().toString()).execute();
        }
    }

    /** Members this till knows (registered elsewhere) whose key it does not hold yet, and that are not erased. */
    public List<MemberId> missing(LedgerSession session, int limit) {
        return session.handle().createQuery("SELECT m.member_id FROM members m WHERE m.erased = 0 AND NOT EXISTS "
                        + "(SELECT 1 FROM member_keys k WHERE k.member_id = m.member_id) ORDER BY m.member_id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> MemberId.parse(rs.getString(1)))
                .list();
    }

    /** Destroys a member's key: what the ledger keeps sealed for the member can no longer be opened. */
    static void destroy(Handle h, MemberId member) {
        h.createUpdate("DELETE FROM member_keys WHERE member_id = :id").bind("id", member.toString()).execute();
    }
}
