package io.chainpos.till.member;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.PhoneLookup;
import io.chainpos.till.ledger.LedgerSession;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The till's side of the key channel: members' data keys and the chain's phone-lookup secret, kept in the
 * ledger file but outside the event log, so erasing a member can destroy its key, and wrapped by the till's
 * key-encryption key ({@link KeyWrap}), so a copy of the ledger without the key file opens nobody's data. The only place SQL on
 * these tables lives.
 */
public final class MemberKeyStore {
    static final String LOOKUP_SECRET = "member.lookup";
    private static final Logger log = LoggerFactory.getLogger(MemberKeyStore.class);

    private final KeyWrap wrap;
    private volatile PhoneLookup lookup;

    /** Keeps the secrets as they are: tests and benchmarks only (see {@link KeyWrap#none()}). */
    public MemberKeyStore() {
        this(KeyWrap.none());
    }

    public MemberKeyStore(KeyWrap wrap) {
        this.wrap = wrap;
    }

    /** The chain's phone lookup, once enrollment has handed this till the secret. */
    public Optional<PhoneLookup> phoneLookup(LedgerSession session) {
        PhoneLookup known = lookup;
        if (known != null) {
            return Optional.of(known);
        }
        Optional<PhoneLookup> stored = session.handle().createQuery("SELECT value FROM till_secrets WHERE name = :name")
                .bind("name", LOOKUP_SECRET).mapTo(String.class).findOne()
                .flatMap(value -> wrap.unwrap(LOOKUP_SECRET, value)).map(PhoneLookup::new);
        stored.ifPresent(l -> lookup = l);
        return stored;
    }

    public void keepLookupSecret(LedgerSession session, String secret) {
        new PhoneLookup(secret); // refuses a malformed one before it is kept
        session.handle().createUpdate("INSERT INTO till_secrets (name, value) VALUES (:name, :value) "
                        + "ON CONFLICT (name) DO UPDATE SET value = :value")
                .bind("name", LOOKUP_SECRET).bind("value", wrap.wrap(LOOKUP_SECRET, secret)).execute();
        lookup = null;
    }

    /**
     * {@code plain} sealed with the member's key, for another feature to record words about the person (a complaint)
     * without holding the key; empty when this till has no key for them (erased, or not arrived yet).
     */
    public Optional<io.chainpos.model.member.Sealed> seal(LedgerSession session, MemberId member, String plain) {
        return find(session, member).map(key -> key.seal(plain));
    }

    public Optional<MemberKey> find(LedgerSession session, MemberId member) {
        return session.handle().createQuery("SELECT key_material FROM member_keys WHERE member_id = :id")
                .bind("id", member.toString())
                .mapTo(String.class)
                .findOne()
                .flatMap(stored -> open(member, stored));
    }

    /** The key kept as {@code stored} in the row of {@code member}, or empty when this till's key file does not open it. */
    Optional<MemberKey> open(MemberId member, String stored) {
        return stored == null ? Optional.empty() : wrap.unwrap(member.toString(), stored).map(key -> new MemberKey(member, key));
    }

    /**
     * Wraps every key and secret a run without a key file (or a release before wrapping) left in the clear; returns how
     * many. The till runs it at every start, before anything reads a key; the caller then scrubs the write-ahead log.
     */
    public int wrapUnwrapped(LedgerSession session) {
        if (!wrap.wraps()) {
            return 0;
        }
        List<MemberKey> clear = session.handle().createQuery("SELECT member_id, key_material FROM member_keys "
                        + "WHERE key_material NOT LIKE :wrapped")
                .bind("wrapped", KeyWrap.PREFIX + "%")
                .map((rs, ctx) -> new MemberKey(MemberId.parse(rs.getString(1)), rs.getString(2)))
                .list();
        for (MemberKey key : clear) {
            session.handle().createUpdate("UPDATE member_keys SET key_material = :key WHERE member_id = :id")
                    .bind("key", wrap.wrap(key.memberId().toString(), key.key())).bind("id", key.memberId().toString()).execute();
        }
        Optional<String> secret = session.handle().createQuery("SELECT value FROM till_secrets WHERE name = :name")
                .bind("name", LOOKUP_SECRET).mapTo(String.class).findOne().filter(value -> !KeyWrap.isWrapped(value));
        secret.ifPresent(value -> keepLookupSecret(session, value));
        int wrapped = clear.size() + (secret.isPresent() ? 1 : 0);
        if (wrapped > 0) {
            log.atInfo().setMessage("memberKeys.wrapped").addKeyValue("count", wrapped).log();
        }
        return wrapped;
    }

    /** Keeps a key; {@code handedOver} when it came from the server (or the server has it). Never replaces one. */
    public void keep(LedgerSession session, MemberKey key, boolean handedOver) {
        session.handle().createUpdate("INSERT INTO member_keys (member_id, key_material, handed_over) "
                        + "SELECT :id, :key, :over WHERE NOT EXISTS (SELECT 1 FROM members WHERE member_id = :id AND erased = 1) "
                        + "ON CONFLICT (member_id) DO NOTHING")
                .bind("id", key.memberId().toString()).bind("key", wrap.wrap(key.memberId().toString(), key.key()))
                .bind("over", handedOver ? 1 : 0).execute();
    }

    /** Keys of members registered here that the server does not hold yet, oldest first. */
    public List<MemberKey> notHandedOver(LedgerSession session, int limit) {
        return session.handle().createQuery("SELECT member_id, key_material FROM member_keys WHERE handed_over = 0 "
                        + "ORDER BY member_id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> open(MemberId.parse(rs.getString(1)), rs.getString(2)))
                .list().stream().flatMap(Optional::stream).toList();
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
