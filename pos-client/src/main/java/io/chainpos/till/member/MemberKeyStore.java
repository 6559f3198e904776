package io.chainpos.till.member;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.PhoneLookup;
import io.chainpos.till.ledger.BulkSql;
import io.chainpos.till.ledger.LedgerSession;
import java.util.Arrays;
import java.util.Base64;
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
        return stored(session.handle(), member).flatMap(stored -> open(member, stored));
    }

    private static Optional<String> stored(Handle h, MemberId member) {
        return h.createQuery("SELECT key_material FROM member_keys WHERE member_id = :id")
                .bind("id", MemberColumns.id(member))
                .map((rs, ctx) -> text(rs.getObject(1)))
                .findOne();
    }

    /**
     * The member's key as kept, opened with this till's key file: what the erasure reads before destroying it. Empty
     * when there is none or the key file does not open it.
     */
    Optional<MemberKey> storedKey(Handle h, MemberId member) {
        return h.createQuery("SELECT key_material FROM member_keys WHERE member_id = :id")
                .bind("id", MemberColumns.id(member))
                .map((rs, ctx) -> Optional.ofNullable(rs.getObject(1)))
                .findOne().flatMap(stored -> stored.flatMap(value -> open(member, value)));
    }

    /** The key kept as {@code stored} (the column's value) in the row of {@code member}, or empty when this till's key file does not open it. */
    Optional<MemberKey> open(MemberId member, Object stored) {
        return stored == null ? Optional.empty()
                : wrap.unwrap(member.toString(), text(stored)).map(key -> new MemberKey(member, key));
    }

    /**
     * A key as its column keeps it: a tag byte (0 as it is, 1 wrapped) and the bytes its base64 text encodes, or that
     * text itself when it is not in the canonical form, so the text read back is always the text kept.
     */
    static Object column(String stored) {
        boolean wrapped = KeyWrap.isWrapped(stored);
        String base64 = wrapped ? stored.substring(KeyWrap.PREFIX.length()) : stored;
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            byte[] out = new byte[bytes.length + 1];
            out[0] = (byte) (wrapped ? 1 : 0);
            System.arraycopy(bytes, 0, out, 1, bytes.length);
            return stored.equals(text(out)) ? out : stored;
        } catch (IllegalArgumentException notBase64) {
            return stored;
        }
    }

    static String text(Object column) {
        if (!(column instanceof byte[] bytes)) {
            return column == null ? null : column.toString();
        }
        String base64 = Base64.getEncoder().encodeToString(Arrays.copyOfRange(bytes, 1, bytes.length));
        return switch (bytes[0]) {
            case 0 -> base64;
            case 1 -> KeyWrap.PREFIX + base64;
            default -> throw new IllegalStateException("a member key kept in an unknown form " + bytes[0]);
        };
    }

    /**
     * Set once every member key is wrapped; taken away by a key kept without a key file. The start then need not read a
     * whole chain's keys (3,000,000 at a big chain's till) to find none in the clear.
     */
    private static final String ALL_WRAPPED = "member_keys_all_wrapped";

    /**
     * Wraps every key and secret a run without a key file (or a release before wrapping) left in the clear; returns how
     * many. The till runs it at every start, before anything reads a key; the caller then scrubs the write-ahead log.
     */
    public int wrapUnwrapped(LedgerSession session) {
        if (!wrap.wraps()) {
            return 0;
        }
        boolean allWrapped = BulkSql.first(session.handle(), "SELECT 1 FROM till_state WHERE name = ?", rs -> true, ALL_WRAPPED)
                .isPresent();
        List<MemberKey> clear = allWrapped ? List.of() : session.handle().createQuery("SELECT member_id, key_material FROM member_keys "
                        + "WHERE NOT (typeof(key_material) = 'blob' AND substr(key_material, 1, 1) = x'01') "
                        + "AND NOT (typeof(key_material) = 'text' AND key_material LIKE :wrapped)")
                .bind("wrapped", KeyWrap.PREFIX + "%")
                .map((rs, ctx) -> new MemberKey(MemberColumns.id(rs.getBytes(1)), text(rs.getObject(2))))
                .list();
        for (MemberKey key : clear) {
            MemberProjection.stored(session.handle().createUpdate("UPDATE member_keys SET key_material = :key WHERE member_id = :id"),
                    "key", column(wrap.wrap(key.memberId().toString(), key.key()))).bind("id", MemberColumns.id(key.memberId())).execute();
        }
        Optional<String> secret = session.handle().createQuery("SELECT value FROM till_secrets WHERE name = :name")
                .bind("name", LOOKUP_SECRET).mapTo(String.class).findOne().filter(value -> !KeyWrap.isWrapped(value));
        secret.ifPresent(value -> keepLookupSecret(session, value));
        if (!allWrapped) {
            BulkSql.update(session.handle(), "INSERT INTO till_state (name, value) VALUES (?, 1) ON CONFLICT (name) DO NOTHING",
                    ALL_WRAPPED);
        }
        int wrapped = clear.size() + (secret.isPresent() ? 1 : 0);
        if (wrapped > 0) {
            log.atInfo().setMessage("memberKeys.wrapped").addKeyValue("count", wrapped).log();
        }
        return wrapped;
    }

    private static final String KEEP = "INSERT INTO member_keys (member_id, key_material, handed_over) "
            + "SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM members WHERE member_id = ? AND erased = 1) "
            + "ON CONFLICT (member_id) DO NOTHING";
    private static final String NO_LONGER_WANTED = "DELETE FROM member_keys_wanted WHERE member_id = ?";

    /**
     * Keeps a key; {@code handedOver} when it came from the server (or the server has it). Never replaces one. Through
     * {@link BulkSql}: a new till keeps every member's key of the chain here.
     */
    public void keep(LedgerSession session, MemberKey key, boolean handedOver) {
        byte[] id = MemberColumns.id(key.memberId());
        BulkSql.update(session.handle(), KEEP, id, column(wrap.wrap(key.memberId().toString(), key.key())), handedOver ? 1 : 0, id);
        BulkSql.update(session.handle(), NO_LONGER_WANTED, id);
        if (!wrap.wraps()) {
            BulkSql.update(session.handle(), "DELETE FROM till_state WHERE name = ?", ALL_WRAPPED);
        }
    }

    private static final String WANT = "INSERT OR IGNORE INTO member_keys_wanted (member_id) "
            + "SELECT ? WHERE NOT EXISTS (SELECT 1 FROM member_keys WHERE member_id = ?)";

    /**
     * A member this till has just learned of: its key is wanted unless the till holds it already (registered here).
     * Through {@link BulkSql}: a snapshot runs it for every member of the chain.
     */
    static void want(Handle h, MemberId member) {
        byte[] id = MemberColumns.id(member);
        BulkSql.update(h, WANT, id, id);
    }

    /** How many members this till knows whose key it does not hold yet. */
    public long wanted(LedgerSession session) {
        return session.handle().createQuery("SELECT COUNT(*) FROM member_keys_wanted").mapTo(Long.class).one();
    }

    /** Keys of members registered here that the server does not hold yet, oldest first. */
    public List<MemberKey> notHandedOver(LedgerSession session, int limit) {
        return session.handle().createQuery("SELECT member_id, key_material FROM member_keys WHERE handed_over = 0 "
                        + "ORDER BY member_id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> open(MemberColumns.id(rs.getBytes(1)), rs.getObject(2)))
                .list().stream().flatMap(Optional::stream).toList();
    }

    public void handedOver(LedgerSession session, Collection<MemberKey> keys) {
        for (MemberKey key : keys) {
            session.handle().createUpdate("UPDATE member_keys SET handed_over = 1 WHERE member_id = :id")
                    .bind("id", MemberColumns.id(key.memberId())).execute();
        }
    }

    /**
     * Members this till knows (registered elsewhere, not erased) whose key it does not hold yet, in id order after
     * {@code after} (null: from the first).
     */
    public List<MemberId> missing(LedgerSession session, MemberId after, int limit) {
        return session.handle().createQuery("SELECT member_id FROM member_keys_wanted WHERE member_id > :after "
                        + "ORDER BY member_id LIMIT :limit")
                .bind("after", after == null ? new byte[0] : MemberColumns.id(after))
                .bind("limit", limit)
                .map((rs, ctx) -> MemberColumns.id(rs.getBytes(1)))
                .list();
    }

    /** Destroys a member's key: what the ledger keeps sealed for the member can no longer be opened. */
    static void destroy(Handle h, MemberId member) {
        h.createUpdate("DELETE FROM member_keys WHERE member_id = :id").bind("id", MemberColumns.id(member)).execute();
        BulkSql.update(h, NO_LONGER_WANTED, MemberColumns.id(member));
    }

    /** V1811: every key kept before V1810, in the compact form. */
    public static void compactKeysBefore1810(Handle h) {
        try (var keys = h.createQuery("SELECT member_id, key_material, handed_over FROM member_keys_before_1810")
                .map((rs, ctx) -> new Object[] {MemberId.parse(rs.getString(1)), rs.getString(2), rs.getInt(3)}).stream()) {
            keys.forEach(k -> MemberProjection.stored(h.createUpdate("INSERT INTO member_keys (member_id, key_material, handed_over) "
                            + "VALUES (:id, :key, :over)"), "key", column((String) k[1]))
                    .bind("id", MemberColumns.id((MemberId) k[0])).bind("over", (int) k[2]).execute());
        }
    }
}
