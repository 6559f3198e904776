package io.chainpos.model.event;

import io.chainpos.model.id.MemberId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The profile fields that changed; a null field did not change. Each field merges last-writer-wins by the
 * envelope's {@code hlc} (tie broken by till id).
 */
public record MemberProfileChanged(
        MemberId memberId,
        String phone,
        String name,
        Gender gender,
        LocalDate birthday,
        String tierCode,
        Boolean consentMarketing) implements MemberEvent {

    public MemberProfileChanged {
        Objects.requireNonNull(memberId, "memberId");
        if (phone == null && name == null && gender == null && birthday == null && tierCode == null
                && consentMarketing == null) {
            throw new IllegalArgumentException("a profile change must change at least one field");
        }
    }
}
