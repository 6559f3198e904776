package io.chainpos.till.member;

/** The member use-cases beyond registering, as the counter and the back office reach them. */
public record MemberDesk(FindMember find, MemberHistory history, EraseMember erase, ImportMembers importMembers) {
}
