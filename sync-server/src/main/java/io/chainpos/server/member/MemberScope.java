package io.chainpos.server.member;

import io.chainpos.model.id.MemberId;
import io.chainpos.server.web.PageRequest;
import java.util.Optional;

/**
 * Whose members a page shows: the chain's ({@code /members}), or one store's ({@code /stores/{store}/members}),
 * which are the members registered there, counting every id merged into a member.
 */
record MemberScope(Optional<String> store) {

    static MemberScope of(PageRequest request) {
        return new MemberScope(request.here().startsWith("/stores/") ? Optional.of(request.pathParam("store")) : Optional.empty());
    }

    /** Where this scope's member pages live. */
    String base() {
        return store.map(s -> "/stores/" + s + "/members").orElse("/members");
    }

    /** Whether the member is this scope's: always for the chain; for a store, when one of its ids was registered there. */
    boolean holds(Members members, MemberDirectory directory, String memberId) {
        if (store.isEmpty()) {
            return true;
        }
        var family = members.memberFamily(MemberId.parse(memberId)).stream().map(MemberId::toString).toList();
        return directory.standing(family).homeStores().contains(store.get());
    }
}
