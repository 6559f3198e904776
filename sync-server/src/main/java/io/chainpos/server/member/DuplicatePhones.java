package io.chainpos.server.member;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.MemberProfileChanged;
import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.event.MembersMerged;
import io.chainpos.model.id.MemberId;
import io.chainpos.server.headoffice.HeadOffice;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The same phone registered at two stores while they were offline is one person: once both registrations are
 * stored, head office states it with an explicit {@link MembersMerged} (the oldest member id survives; ids are
 * time-ordered UUIDv7), which every till pulls. Balances then add and histories join under the survivor.
 * Two server nodes noticing at once both publish; the second merge of the same pair changes nothing.
 */
public final class DuplicatePhones implements Consumer<List<EventEnvelope>> {
    public static final String REASON = "SAME_PHONE";
    private static final Logger LOG = LoggerFactory.getLogger(DuplicatePhones.class);

    private final Members members;
    private final HeadOffice headOffice;

    private final Runnable catchUpFully;

    /** {@code catchUpFully} merges every stored event into the projections (the log's projector). */
    public DuplicatePhones(Members members, HeadOffice headOffice, Runnable catchUpFully) {
        this.members = members;
        this.headOffice = headOffice;
        this.catchUpFully = catchUpFully;
    }

    private static Set<String> phoneHashes(List<EventEnvelope> stored) {
        Set<String> hashes = new LinkedHashSet<>();
        for (EventEnvelope event : stored) {
            switch (event.payload()) {
                case MemberRegistered r -> hashes.add(r.phoneHash());
                case MemberProfileChanged c when c.phoneHash() != null -> hashes.add(c.phoneHash());
                default -> { }
            }
        }
        return hashes;
    }

    /** Called with the events of a committed push. */
    @Override
    public void accept(List<EventEnvelope> stored) {
        Set<String> hashes = phoneHashes(stored);
        if (hashes.isEmpty()) {
            return;
        }
        // This push's registrations must be in the members' projection before it is asked, however far it trails the
        // log (a read waits only for a short lag): a duplicate missed here would never be merged.
        catchUpFully.run();
        List<MembersMerged> merges = new ArrayList<>();
        for (String hash : hashes) {
            List<MemberId> survivors = members.survivorsWithPhoneHash(hash);
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
    }
}
