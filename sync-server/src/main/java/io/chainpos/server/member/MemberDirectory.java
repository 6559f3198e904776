package io.chainpos.server.member;

import io.chainpos.server.web.ListRequest;
import io.chainpos.server.web.ListSpec;
import io.chainpos.server.web.Slice;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Head office's member pages read members through here: the list (a store's or the chain's, paged by key), the
 * member behind a card number, where a member (and every id merged into it) was registered, and the search by
 * name, which can only open what the server holds a member's key for.
 */
public interface MemberDirectory {
    ListSpec LIST = new ListSpec(List.of(
            new ListSpec.Column("registered", "h.registered_ms", true),
            new ListSpec.Column("card", "COALESCE(c.value, '')", false),
            new ListSpec.Column("home", "h.store_id", false)),
            new ListSpec.Column("id", "h.member_id", false), "registered", true, Set.of("tier", "home"), 50);

    /** A member as the list shows it: no personal data, only what finds the member again. */
    record Listed(String memberId, String cardNo, String tierCode, String homeStore, Instant registered) {
    }

    /** The members (not the ids merged into another), of {@code store} when given. */
    Slice<Listed> list(ListRequest request, Optional<String> store);

    /** The surviving member whose card this is (a merged member's card finds the survivor). */
    Optional<String> memberIdByCard(String cardNo);

    /** Where a member's ids were registered, when the first was, and whether the member was erased. */
    record Standing(Set<String> homeStores, Instant registered, boolean erased) {
    }

    /** The standing of a member's family (its survivor first, then every id merged into it). */
    Standing standing(List<String> family);

    /**
     * One step of a search by name: the surviving members whose name contains {@code text} (letters in any case),
     * among at most {@code scanAtMost} sealed names opened after {@code after} in member-id order; {@code resumeAfter}
     * is where the next step starts, empty once every name was looked at.
     */
    record NameScan(List<String> memberIds, Optional<String> resumeAfter, int scanned) {
    }

    NameScan byName(String text, Optional<String> store, Optional<String> after, int scanAtMost);
}
