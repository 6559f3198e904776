package io.chainpos.server.member;

import io.chainpos.model.event.MemberErased;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.sync.MemberView;
import io.chainpos.server.audit.AuditLog;
import io.chainpos.server.headoffice.HeadOffice;
import java.util.List;
import java.util.Optional;

/**
 * Erases a member's personal data for head office: states {@link MemberErased} for the id asked and its survivor
 * (the audit record in the log, with who did it; its merge destroys the member's key here and every till destroys
 * its copy when it pulls it), makes the database drop its copies, and records the act in the audit log. From the
 * pages the person typing must confirm with the member's card number.
 */
public final class MemberErasure {
    /** What an erasure came to. */
    public sealed interface Outcome permits Erased, NoSuchMember, NotConfirmed {
    }

    public record Erased(String memberId) implements Outcome {
    }

    public record NoSuchMember() implements Outcome {
    }

    /** The confirmation typed was not the member's card number: nothing was done. */
    public record NotConfirmed() implements Outcome {
    }

    private final Members members;
    private final HeadOffice headOffice;
    private final AuditLog audit;

    public MemberErasure(Members members, HeadOffice headOffice, AuditLog audit) {
        this.members = members;
        this.headOffice = headOffice;
        this.audit = audit;
    }

    /** Erases when {@code typedCardNo} is the member's card number (spaces ignored). */
    public Outcome eraseConfirmed(String actor, MemberId memberId, String typedCardNo) {
        Optional<MemberView> member = members.member(memberId);
        if (member.isEmpty()) {
            return new NoSuchMember();
        }
        String typed = typedCardNo == null ? "" : typedCardNo.replaceAll("\\s", "");
        if (member.get().cardNo() == null || !member.get().cardNo().equals(typed)) {
            return new NotConfirmed();
        }
        return erase(actor, memberId, member.get());
    }

    /** Erases without a typed confirmation (the JSON API, whose caller confirmed on its side). */
    public Outcome erase(String actor, MemberId memberId) {
        Optional<MemberView> member = members.member(memberId);
        return member.isEmpty() ? new NoSuchMember() : erase(actor, memberId, member.get());
    }

    private Outcome erase(String actor, MemberId memberId, MemberView member) {
        String survivor = member.memberId();
        headOffice.publish(List.of(new MemberErased(memberId, "hq:" + actor)));
        if (!survivor.equals(memberId.toString())) {
            headOffice.publish(List.of(new MemberErased(MemberId.parse(survivor), "hq:" + actor)));
        }
        members.scrub();
        audit.record(actor, "member.erased", survivor, null, survivor.equals(memberId.toString()) ? "" : "asked for " + memberId);
        return new Erased(survivor);
    }
}
