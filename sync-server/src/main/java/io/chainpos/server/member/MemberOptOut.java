package io.chainpos.server.member;

import io.chainpos.model.id.MemberId;

/**
 * Takes a member's opt-out (退订) from marketing messages: the consent withdrawn as a profile change every till pulls,
 * the opt-out kept with where it came from, the member's queued messages dropped. Messages to members do it; the
 * member page asks for it through this.
 */
@FunctionalInterface
public interface MemberOptOut {
    /** Returns how many queued messages were dropped. */
    int optOut(MemberId memberId, String source);
}
