package io.chainpos.server.member;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.sync.MemberView;
import java.util.List;
import java.util.Optional;

/** The merged members and the key channel beside the log: what the member routes and use-cases read and keep. */
public interface Members {

    /** The merged member, found by its own id or by the id of a member merged into it. */
    Optional<MemberView> member(MemberId memberId);

    /**
     * The merged member whose current phone is this (found through its keyed hash); when several unmerged
     * members share it, the oldest id. Empty for a text that is not a mobile number.
     */
    Optional<MemberView> memberByPhone(String phone);

    /** The chain's secret for the keyed phone hash (base64), made on first use; tills get it at enrollment. */
    String memberLookupSecret();

    /** The chain's phone-hash secret; when there is none yet, {@code proposed} (base64, 32 bytes) becomes it. */
    String memberLookupSecret(String proposed);

    /** Keeps members' data keys a till hands over (never an erased member's; never replacing one); returns how many were new. */
    int storeMemberKeys(List<MemberKey> keys);

    /** The data keys held for these members (none for an erased one). */
    List<MemberKey> memberKeys(List<MemberId> memberIds);

    /** Surviving member ids (oldest first) whose merged profile's current phone hash is {@code phoneHash}. */
    List<MemberId> survivorsWithPhoneHash(String phoneHash);

    /** The member's survivor first, then every id merged into it; the id alone for a member nothing was merged into. */
    List<MemberId> memberFamily(MemberId memberId);

    /**
     * The ids of the stored events of {@code types} about any of these member ids, found through the member
     * index written at ingest (in no particular order).
     */
    List<String> eventIdsAbout(List<MemberId> memberIds, java.util.Set<String> types);

    /** The chain's points and stored value: the sum of every delta stored, whoever it belongs to. */
    record BalanceTotals(long points, long storedValue) {
    }

    BalanceTotals balanceTotals();

    /** After an erasure: makes the database drop every copy of the deleted keys and fields it would otherwise keep. */
    void scrub();
}
