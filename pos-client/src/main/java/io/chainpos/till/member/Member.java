package io.chainpos.till.member;

import io.chainpos.model.event.Gender;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.id.MemberId;
import java.time.LocalDate;

/** A member as this till knows them (merged from every store it has heard from). */
public record Member(
        MemberId memberId,
        CardNo cardNo,
        String phone,
        String name,
        Gender gender,
        LocalDate birthday,
        String tierCode,
        boolean consentMarketing) {
}
