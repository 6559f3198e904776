package io.chainpos.model.event;

import io.chainpos.model.id.MemberId;
import java.util.Objects;

/**
 * Two member records found to be one person (the same phone registered at two stores while offline).
 * {@code mergedId} lives on as an alias of {@code memberId}, the survivor: balances add, histories join.
 */
public record MembersMerged(MemberId memberId, MemberId mergedId, String reason) implements MemberEvent {
    public MembersMerged {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(mergedId, "mergedId");
        if (memberId.equals(mergedId)) {
            throw new IllegalArgumentException("a member cannot be merged into itself");
        }
    }
}
