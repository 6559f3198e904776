package io.chainpos.model.member;

import io.chainpos.model.event.Gender;
import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.id.CardNo;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A member's personal data in the clear, as typed at a till or read from an import: it exists only in memory
 * and is sealed with the member's key before anything is recorded. {@code phone} is already normalised
 * ({@link Phones#normalize}); {@code birthday} may be null.
 */
public record PersonalData(String phone, String name, LocalDate birthday) {
    public PersonalData {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(name, "name");
    }

    /** The registration fact: phone, name and birthday sealed with {@code key}, the phone's keyed hash beside them. */
    public MemberRegistered register(MemberKey key, PhoneLookup lookup, Gender gender, CardNo cardNo, String tierCode,
                                     boolean consentMarketing) {
        return new MemberRegistered(key.memberId(), lookup.hash(phone), key.seal(phone), key.seal(name), gender,
                key.seal(birthday == null ? null : birthday.toString()), cardNo, tierCode, consentMarketing);
    }

    /** The personal data sealed in a profile, opened with the member's key; null fields where it cannot open them. */
    public static PersonalData open(MemberKey key, Sealed phone, Sealed name, Sealed birthday) {
        String b = key.open(birthday).orElse(null);
        return new PersonalData(key.open(phone).orElse(""), key.open(name).orElse(""), b == null ? null : LocalDate.parse(b));
    }

    @Override
    public String toString() {
        return "PersonalData[hidden]";
    }
}
