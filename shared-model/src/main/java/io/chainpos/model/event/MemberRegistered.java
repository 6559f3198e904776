package io.chainpos.model.event;

import io.chainpos.model.id.CardNo;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.Sealed;
import java.util.Objects;

/**
 * A new member, registered at a till or imported. Phone, name and birthday are sealed with the member's own
 * key (never in this event); {@code phoneHash} is the chain's keyed hash of the phone, for finding the member
 * and spotting the same phone registered twice. {@code birthday} may be null.
 */
public record MemberRegistered(
        MemberId memberId,
        String phoneHash,
        Sealed phone,
        Sealed name,
        Gender gender,
        Sealed birthday,
        CardNo cardNo,
        String tierCode,
        boolean consentMarketing) implements MemberEvent {

    public MemberRegistered {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(phoneHash, "phoneHash");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cardNo, "cardNo");
        Objects.requireNonNull(tierCode, "tierCode");
        gender = gender == null ? Gender.UNSPECIFIED : gender;
    }
}
