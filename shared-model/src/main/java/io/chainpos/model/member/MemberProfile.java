package io.chainpos.model.member;

import io.chainpos.model.event.Gender;
import io.chainpos.model.event.MemberEvent;
import io.chainpos.model.event.MemberProfileChanged;
import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.event.MembersMerged;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.id.MemberId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A member's profile as merged from every store. Each field is last-writer-wins by the hybrid timestamp
 * of the event that wrote it (ties: the till id), so every node that folds the same events, in any order,
 * ends with the same profile. A field is null until some event sets it.
 */
public record MemberProfile(
        MemberId memberId,
        CardNo cardNo,
        Stamped<String> phone,
        Stamped<String> name,
        Stamped<Gender> gender,
        Stamped<LocalDate> birthday,
        Stamped<String> tierCode,
        Stamped<Boolean> consentMarketing) {

    public MemberProfile {
        Objects.requireNonNull(memberId, "memberId");
    }

    public static MemberProfile empty(MemberId memberId) {
        return new MemberProfile(memberId, null, null, null, null, null, null, null);
    }

    /** The profile after {@code event}, written at {@code stamp}. {@code state} may be null (nothing known yet). */
    public static MemberProfile evolve(MemberProfile state, MemberEvent event, Stamp stamp) {
        MemberProfile current = state == null ? empty(event.memberId()) : state;
        return switch (event) {
            case MemberRegistered r -> new MemberProfile(current.memberId,
                    current.cardNo == null ? r.cardNo() : current.cardNo,
                    Stamped.mergeInto(current.phone, r.phone(), stamp),
                    Stamped.mergeInto(current.name, r.name(), stamp),
                    Stamped.mergeInto(current.gender, r.gender(), stamp),
                    Stamped.mergeInto(current.birthday, r.birthday(), stamp),
                    Stamped.mergeInto(current.tierCode, r.tierCode(), stamp),
                    Stamped.mergeInto(current.consentMarketing, r.consentMarketing(), stamp));
            case MemberProfileChanged c -> new MemberProfile(current.memberId, current.cardNo,
                    Stamped.mergeInto(current.phone, c.phone(), stamp),
                    Stamped.mergeInto(current.name, c.name(), stamp),
                    Stamped.mergeInto(current.gender, c.gender(), stamp),
                    Stamped.mergeInto(current.birthday, c.birthday(), stamp),
                    Stamped.mergeInto(current.tierCode, c.tierCode(), stamp),
                    Stamped.mergeInto(current.consentMarketing, c.consentMarketing(), stamp));
            case MembersMerged m -> current;
        };
    }

    public String phoneValue() {
        return phone == null ? null : phone.value();
    }

    public String nameValue() {
        return name == null ? null : name.value();
    }

    public Gender genderValue() {
        return gender == null ? Gender.UNSPECIFIED : gender.value();
    }

    public LocalDate birthdayValue() {
        return birthday == null ? null : birthday.value();
    }

    public String tierCodeValue() {
        return tierCode == null ? null : tierCode.value();
    }

    public boolean consentsToMarketing() {
        return consentMarketing != null && consentMarketing.value();
    }
}
