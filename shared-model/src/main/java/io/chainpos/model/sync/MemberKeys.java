package io.chainpos.model.sync;

import io.chainpos.model.member.MemberKey;
import java.util.List;

/**
 * The key channel beside the events: {@code PUT /api/v1/members/keys} (a till hands over the keys of members it
 * registered) and the answer of {@code POST /api/v1/members/keys/lookup} (the keys of members it learned of).
 * Keys never enter the event log, so erasing a member can destroy them.
 */
public record MemberKeys(List<MemberKey> keys) {
    public MemberKeys {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    @Override
    public String toString() {
        return "MemberKeys[" + keys.size() + "]";
    }
}
