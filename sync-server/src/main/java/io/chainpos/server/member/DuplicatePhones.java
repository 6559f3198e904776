package io.chainpos.server.member;

import io.chainpos.model.event.MembersMerged;
import io.chainpos.model.id.MemberId;
import io.chainpos.server.headoffice.HeadOffice;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The same phone registered at two stores while they were offline is one person: once both registrations are
 * merged into the projections, head office states it with an explicit {@link MembersMerged} (the oldest member id
 * survives; ids are time-ordered UUIDv7), which every till pulls. Balances then add and histories join under the survivor.
 *
 * <p>The projector notes such a phone in the transaction that merged the second registration
 * ({@link JdbcPhoneDuplicatesProjection}); {@link #publishNoted()} runs after its catch-ups ({@code ProjectorFollower}),
 * so a push never waits for the projections to reach it, and a note a stopped server left is published when it starts.
 * A node claims the notes it publishes, so two nodes do not both publish one; should they (a claim run out while its
 * node was still publishing), the second merge of the same pair changes nothing.
 */
public final class DuplicatePhones {
    public static final String REASON = "SAME_PHONE";
    /** The notes one round publishes at most: the rest wait for the next, so a rebuild's many do not hold the projector. */
    static final int ROUND = 200;
    private static final Logger LOG = LoggerFactory.getLogger(DuplicatePhones.class);

    private final Members members;
    private final PhoneDuplicates noted;
    private final HeadOffice headOffice;

    public DuplicatePhones(Members members, PhoneDuplicates noted, HeadOffice headOffice) {
        this.members = members;
        this.noted = noted;
        this.headOffice = headOffice;
    }

    /** Publishes the merges the noted phones call for (none for a phone merged or changed since) and clears the notes. */
    public void publishNoted() {
        List<PhoneDuplicates.Note> notes = noted.claim(ROUND);
        if (notes.isEmpty()) {
            return;
        }
        List<MembersMerged> merges = new ArrayList<>();
        for (PhoneDuplicates.Note note : notes) {
            List<MemberId> survivors = members.survivorsWithPhoneHash(note.phoneHash());
            for (MemberId other : survivors.subList(Math.min(1, survivors.size()), survivors.size())) {
                merges.add(new MembersMerged(survivors.getFirst(), other, REASON));
            }
        }
        if (!merges.isEmpty()) {
            headOffice.publish(merges);
            // Member ids only: no phone, no hash, in the log.
            merges.forEach(m -> LOG.atInfo().setMessage("members_merged").addKeyValue("survivor", m.memberId())
                    .addKeyValue("merged", m.mergedId()).addKeyValue("reason", REASON).log());
        }
        noted.cleared(notes); // after the merges are stored: a stop in between publishes them again, which changes nothing
    }
}
