package io.chainpos.model.event;

import io.chainpos.model.id.MemberId;
import java.util.Objects;

/**
 * A member's personal data erased on request (the right to be forgotten): every node that holds the member's
 * key destroys it, so what the log keeps of the person (sealed phone, name, birthday) can no longer be read.
 * Balances and sales stay, under the member id, so the chain's sums do not change. Carries no personal data;
 * {@code authorizedBy} is the head-office user or the owner and manager who approved it at a till (the audit).
 */
public record MemberErased(MemberId memberId, String authorizedBy) implements MemberEvent {
    public MemberErased {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(authorizedBy, "authorizedBy");
    }
}
