package io.chainpos.till.member;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.MemberErased;
import io.chainpos.model.event.MemberEvent;
import io.chainpos.model.event.MemberProfileChanged;
import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.event.MembersMerged;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.MemberProfile;
import io.chainpos.model.member.Sealed;
import io.chainpos.model.member.Stamp;
import io.chainpos.till.ledger.BulkSql;
import io.chainpos.till.ledger.Projection;
import io.chainpos.till.ledger.TillIdentity;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;

/**
 * Members registered anywhere in the chain, each profile field last-writer-wins by {@link Stamp} (the fold of
 * {@link MemberProfile}). Phone, name and birthday stay sealed here as in the events; the phone is found by its
 * keyed hash. An erasure destroys the member's key, drops the sealed fields and the hash, and takes out of the
 * print queue any receipt or card slip that shows the person.
 */
public final class MemberProjection implements Projection {
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final MemberKeyStore keys;

    /** Without a key file: member keys kept as they are (tests and benchmarks). */
    public MemberProjection() {
        this(KeyWrap.none());
    }

    /** @param wrap the till's key file, which wraps the member keys an erasure opens to find the person's printouts */
    public MemberProjection(KeyWrap wrap) {
        this.keys = new MemberKeyStore(wrap);
    }

    @Override
    public void apply(Handle h, TillIdentity self, EventEnvelope event) {
        if (!(event.payload() instanceof MemberEvent memberEvent)) {
            return;
        }
        if (memberEvent instanceof MembersMerged merged) {
            h.createUpdate("INSERT INTO member_aliases (merged_id, survivor_id) VALUES (:merged, :survivor) "
                            + "ON CONFLICT (merged_id) DO UPDATE SET survivor_id = :survivor")
                    .bind("merged", merged.mergedId().toString())
                    .bind("survivor", merged.memberId().toString())
                    .execute();
            // Keep the aliases flat: whatever pointed at the merged id now means the survivor.
            h.createUpdate("UPDATE member_aliases SET survivor_id = :survivor WHERE survivor_id = :merged")
                    .bind("merged", merged.mergedId().toString())
                    .bind("survivor", merged.memberId().toString())
                    .execute();
            return;
        }
        Optional<MemberProfile> before = before(h, memberEvent);
        if (memberEvent instanceof MemberErased erased) {
            before.ifPresent(profile -> forgetPrintouts(h, erased, profile));
            MemberKeyStore.destroy(h, erased.memberId());
        }
        MemberProfile after = MemberProfile.evolve(before.orElse(null), memberEvent,
                new Stamp(event.hlc(), event.tillId().value(), event.eventId().toString()));
        boolean registration = memberEvent instanceof MemberRegistered;
        write(h, after, registration ? event.storeId().value() : null, registration ? event.occurredAt().toEpochMilli() : null);
        if (before.isEmpty() && !after.erased()) {
            MemberKeyStore.want(h, after.memberId());
        }
    }

    /**
     * A pulled registration or profile change is absorbed whole: the row keeps every field it wrote with its stamp,
     * and a fold of the same write again changes nothing, so its envelope need not be kept.
     */
    @Override
    public boolean absorbs(EventEnvelope event) {
        return event.payload() instanceof MemberRegistered || event.payload() instanceof MemberProfileChanged;
    }

    private static final String PROFILE = "member_id, card_no, phone_hash, phone, name, gender, birthday, tier_code, "
            + "consent_marketing, erased, stamps";

    private static MemberProfile profile(ResultSet rs) throws SQLException {
        return MemberColumns.profile(MemberColumns.id(rs.getBytes("member_id")), rs.getString("card_no"),
                rs.getObject("phone_hash"), rs.getObject("phone"), rs.getObject("name"), rs.getString("gender"),
                rs.getObject("birthday"), rs.getString("tier_code"), rs.getBoolean("consent_marketing"),
                rs.getBoolean("erased"), rs.getBytes("stamps"));
    }

    private static final String BEFORE = "SELECT " + PROFILE + " FROM members WHERE member_id = ?";
    private static final String WRITE = "INSERT INTO members (member_id, card_no, phone_hash, phone, name, birthday, gender, "
            + "tier_code, consent_marketing, erased, registered_store, registered_ms, stamps) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (member_id) DO UPDATE SET card_no = excluded.card_no, phone_hash = excluded.phone_hash, "
            + "phone = excluded.phone, name = excluded.name, birthday = excluded.birthday, gender = excluded.gender, "
            + "tier_code = excluded.tier_code, consent_marketing = excluded.consent_marketing, "
            + "erased = excluded.erased, stamps = excluded.stamps, "
            + "registered_store = COALESCE(members.registered_store, excluded.registered_store), "
            + "registered_ms = COALESCE(members.registered_ms, excluded.registered_ms)";

    /** The member's row as it stands, through {@link BulkSql}: a snapshot runs it for every member of the chain. */
    private static Optional<MemberProfile> before(Handle h, MemberEvent memberEvent) {
        return BulkSql.first(h, BEFORE, MemberProjection::profile, MemberColumns.id(memberEvent.memberId()));
    }

    private static void write(Handle h, MemberProfile after, String registeredStore, Long registeredMs) {
        BulkSql.update(h, WRITE, MemberColumns.id(after.memberId()), after.cardNo() == null ? null : after.cardNo().value(),
                stored(MemberColumns.phoneHash(after.phoneHashValue())), stored(MemberColumns.sealed(after.phoneValue())),
                stored(MemberColumns.sealed(after.nameValue())), stored(MemberColumns.sealed(after.birthdayValue())),
                after.gender() == null ? null : after.gender().value().name(), after.tierCodeValue(),
                after.consentsToMarketing() ? 1 : 0, after.erased() ? 1 : 0, registeredStore, registeredMs,
                MemberColumns.stamps(after));
    }

    /** As {@link #stored(SqlStatement, String, Object)}, as a plain argument: bytes, or text when not in the canonical form. */
    private static Object stored(Object value) {
        return value == null || value instanceof byte[] ? value : value.toString();
    }

    /** Binds a column kept as bytes, or as text when its value is not in the canonical form. */
    static <S extends SqlStatement<S>> S stored(S statement, String name, Object value) {
        return switch (value) {
            case null -> statement.bindNull(name, Types.BLOB);
            case byte[] bytes -> statement.bind(name, bytes);
            default -> statement.bind(name, value.toString());
        };
    }

    /** V1811: every row of the table before V1810 (its JSON stamps hold the whole profile) into the compact one. */
    public static void compactRowsBefore1810(Handle h, EventCodec codec) {
        try (var rows = h.createQuery("SELECT stamps, registered_store, registered_at FROM members_before_1810")
                .map((rs, ctx) -> new Object[] {codec.read(rs.getString(1), MemberProfile.class), rs.getString(2), rs.getString(3)})
                .stream()) {
            rows.forEach(row -> write(h, (MemberProfile) row[0], (String) row[1],
                    row[2] == null ? null : Instant.parse((String) row[2]).toEpochMilli()));
        }
    }

    /**
     * Receipts and card slips are rendered bytes, not sealed: one that shows the member's name or phone (found
     * with the key, before it is destroyed) leaves the print queue, printed or waiting.
     */
    private void forgetPrintouts(Handle h, MemberErased erased, MemberProfile profile) {
        Optional<MemberKey> key = keys.storedKey(h, erased.memberId());
        if (key.isEmpty()) {
            return;
        }
        List<byte[]> traces = new ArrayList<>();
        for (Sealed sealed : new Sealed[] {profile.nameValue(), profile.phoneValue()}) {
            key.get().open(sealed).filter(s -> !s.isBlank()).ifPresent(plain -> {
                traces.add(plain.getBytes(StandardCharsets.UTF_8));
                traces.add(plain.getBytes(GB18030));
            });
        }
        for (byte[] trace : traces) {
            h.createUpdate("DELETE FROM print_jobs WHERE instr(document, :trace) > 0").bind("trace", trace).execute();
        }
    }

    /**
     * Keeps the members: they hold what absorbed pulled events wrote, which the log no longer has. Folding this till's
     * own and kept events onto them again changes nothing (each field keeps the later stamp), so a rebuild stays right;
     * a snapshot brings every member's events again. The aliases come from kept events and are rebuilt.
     */
    @Override
    public void reset(Handle h) {
        h.execute("DELETE FROM member_aliases");
    }
}
