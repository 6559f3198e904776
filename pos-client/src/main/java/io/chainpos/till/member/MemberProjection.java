package io.chainpos.till.member;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.MemberErased;
import io.chainpos.model.event.MemberEvent;
import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.event.MembersMerged;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.MemberProfile;
import io.chainpos.model.member.Sealed;
import io.chainpos.model.member.Stamp;
import io.chainpos.till.ledger.Projection;
import io.chainpos.till.ledger.TillIdentity;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Members registered anywhere in the chain, each profile field last-writer-wins by {@link Stamp} (the fold of
 * {@link MemberProfile}). Phone, name and birthday stay sealed here as in the events; the phone is found by its
 * keyed hash. An erasure destroys the member's key, drops the sealed fields and the hash, and takes out of the
 * print queue any receipt or card slip that shows the person.
 */
public final class MemberProjection implements Projection {
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final EventCodec codec;

    public MemberProjection(EventCodec codec) {
        this.codec = codec;
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
        Optional<MemberProfile> before = h.createQuery("SELECT stamps FROM members WHERE member_id = :id")
                .bind("id", memberEvent.memberId().toString())
                .mapTo(String.class)
                .findOne()
                .map(json -> codec.read(json, MemberProfile.class));
        if (memberEvent instanceof MemberErased erased) {
            before.ifPresent(profile -> forgetPrintouts(h, erased, profile));
            MemberKeyStore.destroy(h, erased.memberId());
        }
        MemberProfile after = MemberProfile.evolve(before.orElse(null), memberEvent,
                new Stamp(event.hlc(), event.tillId().value(), event.eventId().toString()));
        h.createUpdate("INSERT INTO members (member_id, card_no, phone, name, gender, birthday, tier_code, "
                        + "consent_marketing, registered_store, registered_at, stamps, phone_hash, erased) VALUES (:id, :card, "
                        + ":phone, :name, :gender, :birthday, :tier, :consent, :store, :at, :stamps, :hash, :erased) "
                        + "ON CONFLICT (member_id) DO UPDATE SET "
                        + "card_no = :card, phone = :phone, name = :name, gender = :gender, birthday = :birthday, "
                        + "tier_code = :tier, consent_marketing = :consent, stamps = :stamps, phone_hash = :hash, "
                        + "erased = :erased, registered_store = COALESCE(members.registered_store, :store), "
                        + "registered_at = COALESCE(members.registered_at, :at)")
                .bind("id", after.memberId().toString())
                .bind("card", after.cardNo() == null ? null : after.cardNo().value())
                .bind("phone", text(after.phoneValue()))
                .bind("name", text(after.nameValue()))
                .bind("gender", after.genderValue().name())
                .bind("birthday", text(after.birthdayValue()))
                .bind("tier", after.tierCodeValue())
                .bind("consent", after.consentsToMarketing())
                .bind("store", memberEvent instanceof MemberRegistered ? event.storeId().value() : null)
                .bind("at", memberEvent instanceof MemberRegistered ? event.occurredAt().toString() : null)
                .bind("stamps", codec.write(after))
                .bind("hash", after.phoneHashValue())
                .bind("erased", after.erased() ? 1 : 0)
                .execute();
    }

    /**
     * Receipts and card slips are rendered bytes, not sealed: one that shows the member's name or phone (found
     * with the key, before it is destroyed) leaves the print queue, printed or waiting.
     */
    private static void forgetPrintouts(Handle h, MemberErased erased, MemberProfile profile) {
        Optional<MemberKey> key = h.createQuery("SELECT key_material FROM member_keys WHERE member_id = :id")
                .bind("id", erased.memberId().toString())
                .mapTo(String.class)
                .findOne()
                .map(k -> new MemberKey(erased.memberId(), k));
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

    private static String text(Sealed sealed) {
        return sealed == null ? null : sealed.text();
    }

    @Override
    public void reset(Handle h) {
        h.execute("DELETE FROM members");
        h.execute("DELETE FROM member_aliases");
    }
}
