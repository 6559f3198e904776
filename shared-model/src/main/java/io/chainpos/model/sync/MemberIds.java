package io.chainpos.model.sync;

import io.chainpos.model.id.MemberId;
import java.util.List;

/** {@code POST /api/v1/members/keys/lookup}: the members whose keys a till asks for. */
public record MemberIds(List<MemberId> memberIds) {
    public MemberIds {
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
    }
}
