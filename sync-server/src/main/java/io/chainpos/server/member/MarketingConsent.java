package io.chainpos.server.member;

import io.chainpos.model.id.MemberId;
import java.util.Collection;
import java.util.Set;

/** Whether a member may be sent marketing, as the merged profile says now: what messages to members ask first. */
public interface MarketingConsent {
    /** Where a member stands for marketing messages. */
    enum Standing {
        /** The merged profile's consent is yes. */
        CONSENTS,
        /** No consent given, or taken back (an opt-out). */
        DECLINED,
        /** The member's personal data was erased: nothing is sent, ever. */
        ERASED,
        /** No such member. */
        UNKNOWN
    }

    Standing standing(MemberId memberId);

    /** Those of these member ids (as queued) that were erased, themselves or their survivor. */
    Set<String> erasedAmong(Collection<String> memberIds);
}
