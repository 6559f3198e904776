package io.chainpos.till.member;

import io.chainpos.model.id.CardNo;
import io.chainpos.model.member.MemberCode;
import io.chainpos.model.member.Phones;
import io.chainpos.till.TillMessage;
import io.chainpos.till.ledger.Ledger;
import java.util.List;
import java.util.Optional;

/**
 * Finds a member from what the cashier typed or scanned in the member field: a mobile number, a card number,
 * or the member's QR code ({@code CPM1:<card>:<check>}). A code whose check fails (damaged, mistyped, another
 * system's) is refused as such, never looked up as something else.
 */
public final class FindMember {

    public sealed interface Result permits Found, Several, NotFound, BadCode {
    }

    public record Found(Member member) implements Result {
    }

    /** The phone belongs to members registered at different stores while offline; head office will merge them. */
    public record Several(List<Member> members) implements Result {
    }

    public record NotFound(TillMessage reason) implements Result {
    }

    /** Not a member code, phone or card number this till can use; {@code reason} is for the cashier. */
    public record BadCode(TillMessage reason) implements Result {
    }

    private final Ledger ledger;
    private final MemberStore members;

    public FindMember(Ledger ledger, MemberStore members) {
        this.ledger = ledger;
        this.members = members;
    }

    public Result find(String input) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            return new BadCode(TillMessage.of(TillMessage.Code.MEMBER_CODE_NEEDED));
        }
        if (MemberCode.looksLikeMemberCode(text)) {
            Optional<CardNo> card = MemberCode.decode(text);
            if (card.isEmpty()) {
                return new BadCode(TillMessage.of(TillMessage.Code.MEMBER_QR_DAMAGED));
            }
            return byCard(card.get());
        }
        Optional<String> phone = Phones.normalize(text);
        if (phone.isPresent()) {
            List<Member> found = ledger.read(s -> members.findByPhone(s, phone.get()));
            return switch (found.size()) {
                case 0 -> new NotFound(TillMessage.of(TillMessage.Code.NO_MEMBER_WITH_PHONE));
                case 1 -> new Found(found.getFirst());
                default -> new Several(found);
            };
        }
        if (text.matches("\\d{6,32}")) {
            Result byCard = byCard(new CardNo(text));
            if (byCard instanceof NotFound && text.length() == 18 && !CardNumbers.isValid(text)) {
                return new BadCode(TillMessage.of(TillMessage.Code.CARD_CHECK_DIGIT));
            }
            return byCard;
        }
        return new BadCode(TillMessage.of(TillMessage.Code.NOT_A_MEMBER_CODE));
    }

    private Result byCard(CardNo card) {
        return ledger.read(s -> members.findByCard(s, card)).<Result>map(Found::new)
                .orElse(new NotFound(TillMessage.of(TillMessage.Code.MEMBER_CARD_UNKNOWN, card.value())));
    }
}
