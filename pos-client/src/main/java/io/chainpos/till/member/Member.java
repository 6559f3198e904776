package io.chainpos.till.member;

import io.chainpos.model.event.Gender;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.id.MemberId;
import java.time.LocalDate;

/**
 * A member as this till knows them (merged from every store it has heard from), personal fields opened with
 * the member's key. {@code phone} and {@code name} are null when the till has no key: the member was erased, or
 * was registered elsewhere and its key has not arrived yet ({@link #personalDataKnown()}).
 */
public record Member(
        MemberId memberId,
        CardNo cardNo,
        String phone,
        String name,
        Gender gender,
        LocalDate birthday,
        String tierCode,
        boolean consentMarketing) {

    public boolean personalDataKnown() {
        return name != null;
    }

    /** Never prints the person: logs and exceptions may show a member, never their phone, name or birthday. */
    @Override
    public String toString() {
        return "Member[" + memberId + ", card " + cardNo + ", tier " + tierCode + "]";
    }
}
