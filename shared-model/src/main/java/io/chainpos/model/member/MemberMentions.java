package io.chainpos.model.member;

import io.chainpos.model.event.BalanceEvent;
import io.chainpos.model.event.Event;
import io.chainpos.model.event.LoyaltyEvent;
import io.chainpos.model.event.MemberEvent;
import io.chainpos.model.event.MembersMerged;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.id.MemberId;
import java.util.List;

/**
 * The members an event is about, as the member index on the till and on the server keeps them: a member's
 * history is read through that index instead of by searching every event's text for the member's id.
 */
public final class MemberMentions {
    private MemberMentions() {
    }

    /** The member ids {@code payload} names (both sides of a merge); none for an event about no member. */
    public static List<MemberId> of(Event payload) {
        return switch (payload) {
            case MembersMerged merged -> merged.memberId().equals(merged.mergedId())
                    ? List.of(merged.memberId()) : List.of(merged.memberId(), merged.mergedId());
            case MemberEvent member -> List.of(member.memberId());
            case LoyaltyEvent loyalty -> List.of(loyalty.memberId());
            case BalanceEvent balance -> List.of(balance.memberId());
            case SaleCompleted sale when sale.memberId() != null -> List.of(sale.memberId());
            default -> List.of();
        };
    }
}
