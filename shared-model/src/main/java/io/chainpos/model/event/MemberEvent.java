package io.chainpos.model.event;

import io.chainpos.model.id.MemberId;

/** Facts about a member's identity and profile. */
public sealed interface MemberEvent extends Event permits MemberRegistered, MemberProfileChanged, MembersMerged, MemberErased {
    MemberId memberId();
}
