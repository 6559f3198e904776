package io.chainpos.model.event;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.Sealed;
import java.util.Objects;

/**
 * The profile fields that changed; a null field did not change. Each field merges last-writer-wins by the
 * envelope's {@code hlc} (ties: till id, then event id). A new phone comes with its lookup hash; phone, name and
 * birthday are sealed with the member's key.
 */
public record MemberProfileChanged(
        MemberId memberId,
        String phoneHash,
        Sealed phone,
        Sealed name,
        Gender gender,
        Sealed birthday,
        String tierCode,
        Boolean consentMarketing) implements MemberEvent {

    public MemberProfileChanged {
        Objects.requireNonNull(memberId, "memberId");
        if ((phone == null) != (phoneHash == null)) {
            throw new IllegalArgumentException("a new phone comes with its lookup hash, and only with it");
        }
        if (phone == null && name == null && gender == null && birthday == null && tierCode == null
                && consentMarketing == null) {
            throw new IllegalArgumentException("a profile change must change at least one field");
        }
    }
}
