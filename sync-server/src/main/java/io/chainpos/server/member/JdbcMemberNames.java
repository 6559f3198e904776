package io.chainpos.server.member;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.MemberErased;
import io.chainpos.model.event.MemberProfileChanged;
import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.event.MembersMerged;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.Sealed;
import io.chainpos.server.db.Database;
import io.chainpos.server.db.KeyRing;
import io.chainpos.server.db.SqlSession;
import io.chainpos.server.merge.ProfileField;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The index that finds members by part of their name: each name's pairs of letters (after NFKC and lower case), each
 * kept as a keyed hash, HMAC-SHA-256 under a chain secret wrapped at rest like the members' keys, cut to 8 bytes. Without
 * the secret a copy of the table tells nothing of the names; with it a pair only says which members may hold it: every
 * candidate is checked by opening its sealed name.
 *
 * <p>Written behind the log: registrations, profile changes, merges and erasures after {@code member_names_cursor} queue
 * their members in {@code member_names_to_index}, and so do keys arriving ({@link JdbcMembers#storeMemberKeys}); a run
 * opens each queued member's name with its key and writes its pairs again. An erased member's pairs are deleted.
 */
final class JdbcMemberNames {
    static final String SECRET = "member.name-index";
    /** Members (re)indexed in one transaction at most. */
    static final int BATCH = 2_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    private static final String TYPES = "'MemberRegistered', 'MemberProfileChanged', 'MemberErased', 'MembersMerged'";

    private final Database db;
    private final KeyRing ring;
    private final JdbcMemberKeys keys;
    private final EventCodec codec;
    private volatile byte[] secret;

    JdbcMemberNames(Database db, KeyRing ring, EventCodec codec) {
        this.db = db;
        this.ring = ring;
        this.keys = new JdbcMemberKeys(ring);
        this.codec = codec;
    }

    /** The pairs of letters a name or a search is cut into: code points, spaces left out; none for one letter. */
    static Set<String> pairs(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
        int[] points = normal.codePoints().toArray();
        Set<String> pairs = new LinkedHashSet<>();
        for (int i = 0; i + 1 < points.length; i++) {
            if (!Character.isWhitespace(points[i]) && !Character.isWhitespace(points[i + 1])) {
                pairs.add(new String(points, i, 2));
            }
        }
        return pairs;
    }

    /** How a search text is compared with a name: NFKC and lower case, as the pairs are cut. */
    static String normal(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    }

    /** The keyed hashes of {@code pairs}, as stored. */
    List<String> grams(Set<String> pairs) {
        Mac mac = mac();
        List<String> grams = new ArrayList<>(pairs.size());
        for (String pair : pairs) {
            byte[] full = mac.doFinal(pair.getBytes(StandardCharsets.UTF_8));
            grams.add(HEX.formatHex(full, 0, 8));
        }
        return grams;
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** The index's secret, made on first use; two nodes racing keep the first one stored. */
    private byte[] secret() {
        byte[] known = secret;
        if (known != null) {
            return known;
        }
        String row = JdbcMemberKeys.secretRow(SECRET);
        Optional<String> stored = db.read(h -> h.createQuery("SELECT value FROM chain_secrets WHERE name = :name")
                .bind("name", SECRET).mapTo(String.class).findOne());
        if (stored.isEmpty()) {
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            String fresh = Base64.getEncoder().encodeToString(raw);
            stored = Optional.of(db.write(tx -> {
                tx.handle().createUpdate("INSERT INTO chain_secrets (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
                        .bind("name", SECRET).bind("value", ring.wrap(row, fresh)).execute();
                return tx.handle().createQuery("SELECT value FROM chain_secrets WHERE name = :name").bind("name", SECRET)
                        .mapTo(String.class).one();
            }));
        }
        secret = Base64.getDecoder().decode(ring.unwrap(row, stored.get()));
        return secret;
    }

    /**
     * Queues the members the log names since the cursor, then indexes up to {@link #BATCH} queued members whose key is
     * here (and drops the erased ones' pairs); returns how many it indexed or dropped, 0 when nothing was left.
     */
    int run() {
        mac(); // the secret before the write transaction: making it writes on its own
        if (!anythingToDo()) {
            return 0; // a search answers without a write transaction (and its commit) when the index is up to date
        }
        return db.write(tx -> {
            takeFromLog(tx.sql());
            return index(tx.sql());
        });
    }

    /** True when the log has moved past the cursor, or a queued member can be indexed or dropped now. */
    private boolean anythingToDo() {
        return db.read(h -> h.createQuery("""
                        SELECT CASE WHEN (SELECT last_seq FROM member_names_cursor WHERE id = 1) < (SELECT last_seq FROM log_head WHERE id = 1)
                                      OR EXISTS (SELECT 1 FROM member_names_to_index p
                                                 WHERE EXISTS (SELECT 1 FROM member_keys k WHERE k.member_id = p.member_id))
                                      OR EXISTS (SELECT 1 FROM member_names_to_index p JOIN erased_members e ON e.member_id = p.member_id)
                                    THEN 1 ELSE 0 END""")
                .mapTo(Integer.class).one() == 1);
    }

    /** Runs until nothing with a key is left to index; returns how many members it (re)indexed. */
    int catchUp() {
        int total = 0;
        for (int done = run(); done > 0; done = run()) {
            total += done;
        }
        return total;
    }

    /** Queued members whose key is here: what a search cannot find through the pairs yet. */
    long waiting() {
        return db.read(h -> h.createQuery("""
                        SELECT COUNT(*) FROM member_names_to_index p
                        WHERE EXISTS (SELECT 1 FROM member_keys k WHERE k.member_id = p.member_id)""")
                .mapTo(Long.class).one());
    }

    private void takeFromLog(SqlSession sql) {
        long after = sql.first("SELECT last_seq FROM member_names_cursor WHERE id = 1", rs -> rs.getLong(1)).orElseThrow();
        long head = sql.first("SELECT last_seq FROM log_head WHERE id = 1", rs -> rs.getLong(1)).orElseThrow();
        int limit = BATCH * 5;
        int[] rows = {0};
        long[] last = {after};
        Set<String> members = new TreeSet<>();
        sql.forEach("SELECT server_seq, body FROM events WHERE server_seq > ? AND server_seq <= ? AND type IN (" + TYPES
                        + ") ORDER BY server_seq LIMIT ?",
                rs -> {
                    rows[0]++;
                    last[0] = rs.getLong(1);
                    EventEnvelope event = codec.fromJson(rs.getString(2));
                    switch (event.payload()) {
                        case MemberRegistered r -> members.add(r.memberId().toString());
                        case MemberProfileChanged c -> members.add(c.memberId().toString());
                        case MemberErased e -> members.add(e.memberId().toString());
                        case MembersMerged m -> {
                            members.add(m.memberId().toString());
                            members.add(m.mergedId().toString());
                        }
                        default -> { }
                    }
                    return null;
                }, after, head, limit);
        // Read through the head when the page was not full: the events after the last member event were none of these.
        long through = rows[0] < limit ? head : last[0];
        if (through <= after) {
            return;
        }
        queue(sql, members);
        // Several nodes: the cursor only moves forward, and a member queued twice is queued once.
        sql.update("UPDATE member_names_cursor SET last_seq = ? WHERE id = 1 AND last_seq < ?", through, through);
    }

    /** Queues {@code members} to be indexed again, in the caller's transaction. */
    static void queue(SqlSession sql, Set<String> members) {
        sql.batch("INSERT INTO member_names_to_index (member_id) VALUES (?) ON CONFLICT (member_id) DO NOTHING",
                members.stream().map(m -> new Object[] {m}).toList());
    }

    /*
     * The queue first, probing the members' keys by id (CROSS JOIN keeps that order on SQLite, whose planner otherwise
     * walks a million keys in id order to meet an empty queue: 60 ms a search at 1,000,000 members).
     */
    private int index(SqlSession sql) {
        List<String> erased = sql.list("""
                SELECT p.member_id FROM member_names_to_index p CROSS JOIN erased_members e WHERE e.member_id = p.member_id
                ORDER BY p.member_id LIMIT ?""", rs -> rs.getString(1), BATCH);
        for (String member : erased) {
            sql.update("DELETE FROM member_name_grams WHERE member_id = ?", member);
            sql.update("DELETE FROM member_names_to_index WHERE member_id = ?", member);
        }
        record Queued(String memberId, String sealedName, String key) {
        }
        List<Queued> queued = sql.list("""
                SELECT p.member_id, f.value, k.key_material FROM member_names_to_index p
                CROSS JOIN member_keys k
                LEFT JOIN member_fields f ON f.member_id = p.member_id AND f.field = ?
                WHERE k.member_id = p.member_id
                ORDER BY p.member_id LIMIT ?""", rs -> new Queued(rs.getString(1), rs.getString(2), rs.getString(3)),
                ProfileField.NAME.stored(), BATCH);
        List<Object[]> rows = new ArrayList<>();
        for (Queued q : queued) {
            sql.update("DELETE FROM member_name_grams WHERE member_id = ?", q.memberId());
            Optional<String> name = q.sealedName() == null ? Optional.empty()
                    : keys.opened(q.memberId(), q.key()).flatMap(key -> opened(key, q.sealedName()));
            name.ifPresent(n -> grams(pairs(n)).forEach(gram -> rows.add(new Object[] {gram, q.memberId()})));
        }
        sql.batch("INSERT INTO member_name_grams (gram, member_id) VALUES (?, ?) ON CONFLICT (gram, member_id) DO NOTHING", rows);
        sql.batch("DELETE FROM member_names_to_index WHERE member_id = ?", queued.stream().map(q -> new Object[] {q.memberId()}).toList());
        return erased.size() + queued.size();
    }

    static Optional<String> opened(MemberKey key, String sealed) {
        try {
            return key.open(new Sealed(sealed));
        } catch (IllegalArgumentException notSealed) {
            return Optional.empty();
        }
    }
}
