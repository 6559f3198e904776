package io.chainpos.model.event;

import io.chainpos.model.id.CardNo;
import io.chainpos.model.id.MemberId;
import java.time.LocalDate;
import java.util.Objects;

/** A new member, registered at a till or imported. {@code birthday} may be null. */
public record MemberRegistered(
        MemberId memberId,
        String phone,
        String name,
        Gender gender,
        LocalDate birthday,
        CardNo cardNo,
        String tierCode,
        boolean consentMarketing) implements MemberEvent {

    public MemberRegistered {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cardNo, "cardNo");
        Objects.requireNonNull(tierCode, "tierCode");
        gender = gender == null ? Gender.UNSPECIFIED : gender;
    }
}
