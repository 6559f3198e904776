package io.chainpos.till.member;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.MemberEvent;
import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.event.MembersMerged;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.member.MemberProfile;
import io.chainpos.model.member.Stamp;
import io.chainpos.till.ledger.Projection;
import io.chainpos.till.ledger.TillIdentity;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Members registered anywhere in the chain, each profile field last-writer-wins by hybrid timestamp. */
public final class MemberProjection implements Projection {
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
            return;
        }
        Optional<MemberProfile> before = h.createQuery("SELECT stamps FROM members WHERE member_id = :id")
                .bind("id", memberEvent.memberId().toString())
                .mapTo(String.class)
                .findOne()
                .map(json -> codec.read(json, MemberProfile.class));
        MemberProfile after = MemberProfile.evolve(before.orElse(null), memberEvent,
                new Stamp(event.hlc(), event.tillId().value(), event.eventId().toString()));
        h.createUpdate("INSERT INTO members (member_id, card_no, phone, name, gender, birthday, tier_code, "
                        + "consent_marketing, registered_store, registered_at, stamps) VALUES (:id, :card, :phone, :name, "
                        + ":gender, :birthday, :tier, :consent, :store, :at, :stamps) ON CONFLICT (member_id) DO UPDATE SET "
                        + "card_no = :card, phone = :phone, name = :name, gender = :gender, birthday = :birthday, "
                        + "tier_code = :tier, consent_marketing = :consent, stamps = :stamps, "
                        + "registered_store = COALESCE(members.registered_store, :store), "
                        + "registered_at = COALESCE(members.registered_at, :at)")
                .bind("id", after.memberId().toString())
                .bind("card", after.cardNo() == null ? null : after.cardNo().value())
                .bind("phone", after.phoneValue())
                .bind("name", after.nameValue())
                .bind("gender", after.genderValue().name())
                .bind("birthday", after.birthdayValue() == null ? null : after.birthdayValue().toString())
                .bind("tier", after.tierCodeValue())
                .bind("consent", after.consentsToMarketing())
                .bind("store", memberEvent instanceof MemberRegistered ? event.storeId().value() : null)
                .bind("at", memberEvent instanceof MemberRegistered ? event.occurredAt().toString() : null)
                .bind("stamps", codec.write(after))
                .execute();
    }

    @Override
    public void reset(Handle h) {
        h.execute("DELETE FROM members");
        h.execute("DELETE FROM member_aliases");
    }
}
