package io.chainpos.server.member;

import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.Sealed;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.Database;
import io.chainpos.server.db.KeyRing;
import io.chainpos.server.log.Findings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** {@link SealingCheck} over the log and the key channel, a batch of registrations per run. */
public final class JdbcSealingCheck implements SealingCheck {
    private static final int BATCH = 1_000;

    private record Pending(String eventId, String memberId, String storeId, String tillId, long receivedMs, String outcome) {
    }

    private final Database db;
    private final EventCodec codec;
    private final Findings findings;
    private final JdbcMemberKeys keys;

    public JdbcSealingCheck(Database db, KeyRing ring, EventCodec codec, Findings findings) {
        this.db = db;
        this.keys = new JdbcMemberKeys(ring);
        this.codec = codec;
        this.findings = findings;
    }

    @Override
    public List<SyncException> run(Instant now, Duration keyDeadline) {
        return db.write(tx -> {
            Handle h = tx.handle();
            takeNewRegistrations(h);
            List<Pending> open = h.createQuery("SELECT event_id, member_id, store_id, till_id, received_ms, outcome "
                            + "FROM sealing_checks WHERE outcome IS NULL OR outcome = 'KEY_LATE' ORDER BY received_ms LIMIT " + BATCH)
                    .map((rs, ctx) -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), rs.getString(6)))
                    .list();
            Map<String, MemberKey> known = keys.find(h, open.stream().map(Pending::memberId).distinct().toList()).stream()
                    .collect(Collectors.toMap(k -> k.memberId().toString(), Function.identity()));
            List<String> erased = open.isEmpty() ? List.of() : h.createQuery(
                            "SELECT member_id FROM erased_members WHERE member_id IN (<ids>)")
                    .bindList("ids", open.stream().map(Pending::memberId).distinct().toList()).mapTo(String.class).list();
            List<SyncException> found = new ArrayList<>();
            for (Pending p : open) {
                MemberKey key = known.get(p.memberId());
                String outcome;
                if (erased.contains(p.memberId())) {
                    outcome = "ERASED";
                } else if (key != null) {
                    outcome = opens(h, p.eventId(), key) ? "OPENED" : "BROKEN";
                    if (outcome.equals("BROKEN")) {
                        found.add(exception(SyncException.Kind.SEALING_BROKEN, p, now,
                                "the registration's sealed phone or name does not open with the key its till uploaded"));
                    }
                } else if (p.outcome() == null && p.receivedMs() + keyDeadline.toMillis() <= now.toEpochMilli()) {
                    outcome = "KEY_LATE";
                    found.add(exception(SyncException.Kind.MEMBER_KEY_MISSING, p, now,
                            "no key for this registration within %d minutes of its arrival".formatted(keyDeadline.toMinutes())));
                } else {
                    continue;
                }
                h.createUpdate("UPDATE sealing_checks SET outcome = :outcome WHERE event_id = :id")
                        .bind("outcome", outcome).bind("id", p.eventId()).execute();
            }
            findings.record(tx.sql(), found);
            return found;
        });
    }

    private void takeNewRegistrations(Handle h) {
        long after = h.createQuery("SELECT last_seq FROM sealing_cursor WHERE id = 1").mapTo(Long.class).one();
        record Row(long seq, String eventId, String storeId, String tillId, long receivedMs, String body) {
        }
        List<Row> rows = h.createQuery("SELECT server_seq, event_id, store_id, till_id, received_ms, body FROM events "
                        + "WHERE server_seq > :after AND type = 'MemberRegistered' ORDER BY server_seq LIMIT " + BATCH)
                .bind("after", after)
                .map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6)))
                .list();
        if (rows.isEmpty()) {
            return;
        }
        for (Row row : rows) {
            Optional<String> member = registration(row.body()).map(r -> r.memberId().toString());
            if (member.isPresent()) {
                h.createUpdate("INSERT INTO sealing_checks (event_id, member_id, store_id, till_id, received_ms) "
                                + "VALUES (:event, :member, :store, :till, :received) ON CONFLICT (event_id) DO NOTHING")
                        .bind("event", row.eventId()).bind("member", member.get()).bind("store", row.storeId())
                        .bind("till", row.tillId()).bind("received", row.receivedMs()).execute();
            }
        }
        // Several nodes: the cursor only moves forward, and a row taken twice is ignored above.
        h.createUpdate("UPDATE sealing_cursor SET last_seq = :seq WHERE id = 1 AND last_seq < :seq")
                .bind("seq", rows.getLast().seq()).execute();
    }

    private boolean opens(Handle h, String eventId, MemberKey key) {
        Optional<MemberRegistered> registered = h.createQuery("SELECT body FROM events WHERE event_id = :id")
                .bind("id", eventId).mapTo(String.class).findOne().flatMap(this::registration);
        return registered.map(r -> opens(key, r.phone()) && opens(key, r.name())
                && (r.birthday() == null || opens(key, r.birthday()))).orElse(false);
    }

    private static boolean opens(MemberKey key, Sealed sealed) {
        try {
            return key.open(sealed).isPresent();
        } catch (IllegalArgumentException notSealed) {
            return false;
        }
    }

    private Optional<MemberRegistered> registration(String body) {
        try {
            return codec.fromJson(body).payload() instanceof MemberRegistered r ? Optional.of(r) : Optional.empty();
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static SyncException exception(SyncException.Kind kind, Pending p, Instant now, String detail) {
        return new SyncException(kind, p.memberId(), null, p.storeId(), null, null, p.tillId(), p.eventId(), detail, now);
    }
}
