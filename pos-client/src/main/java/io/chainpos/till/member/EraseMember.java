package io.chainpos.till.member;

import io.chainpos.model.event.ManagerApproved;
import io.chainpos.model.event.MemberErased;
import io.chainpos.model.id.MemberId;
import io.chainpos.till.TillMessage;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.staff.Approval;
import io.chainpos.till.staff.ManagerApprovals;
import io.chainpos.till.staff.PinManagerApprovals;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Erases a member's personal data at the till, on the member's request: the store owner approves with their
 * PIN (a manager's PIN is not enough), the approval and the {@link MemberErased} fact are recorded (the audit),
 * the member's key is destroyed here at once and everywhere else when the event arrives, and the ledger file is
 * scrubbed. Points, stored value and sales stay, so the chain's sums do not change.
 */
public final class EraseMember {
    public static final String ACTION = PinManagerApprovals.MEMBER_ERASE;

    public sealed interface Result permits Erased, Refused, UnknownMember {
    }

    /** {@code memberIds}: the member and every id merged with it, all forgotten. */
    public record Erased(List<MemberId> memberIds, String approvedBy) implements Result {
    }

    public record Refused(TillMessage reason) implements Result {
    }

    public record UnknownMember(MemberId memberId) implements Result {
    }

    private final Ledger ledger;
    private final MemberStore members;
    private final ManagerApprovals approvals;

    public EraseMember(Ledger ledger, MemberStore members, ManagerApprovals approvals) {
        this.ledger = ledger;
        this.members = members;
        this.approvals = approvals;
    }

    public Result erase(MemberId memberId, String ownerPin, String cashier) {
        Optional<Member> member = ledger.read(s -> members.findById(s, memberId));
        if (member.isEmpty()) {
            return new UnknownMember(memberId);
        }
        if (ownerPin == null || ownerPin.isBlank()) {
            return new Refused(TillMessage.of(TillMessage.Code.ERASE_NEEDS_OWNER_PIN));
        }
        Optional<Approval> approval = approvals.approve(ownerPin.strip(), ACTION);
        if (approval.isEmpty()) {
            return new Refused(TillMessage.of(TillMessage.Code.ERASE_ONLY_OWNER));
        }
        String owner = approval.get().managerId();
        List<MemberId> family = ledger.write(tx -> {
            Set<MemberId> ids = new LinkedHashSet<>();
            ids.add(member.get().memberId());
            ids.addAll(members.mergedInto(tx, member.get().memberId()));
            tx.append(new ManagerApproved(ACTION, owner, cashier, null, "member personal data erased on request"));
            for (MemberId id : ids) {
                tx.append(new MemberErased(id, "till:" + tx.identity().tillId() + ":" + owner));
            }
            return List.copyOf(ids);
        });
        ledger.scrub();
        return new Erased(family, owner);
    }
}
