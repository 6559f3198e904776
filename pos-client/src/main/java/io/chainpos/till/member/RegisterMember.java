package io.chainpos.till.member;

import io.chainpos.model.event.Gender;
import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.id.MemberId;
import io.chainpos.till.ledger.Ledger;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** Registers a member at the counter, offline or not: a fact in the ledger that syncs to every store. */
public final class RegisterMember {
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    /** What the cashier typed. {@code birthday} may be null. */
    public record Request(String phone, String name, Gender gender, LocalDate birthday, boolean consentMarketing) {
    }

    /** The outcome the cashier sees. */
    public sealed interface Result permits Registered, AlreadyMember, Invalid {
    }

    public record Registered(Member member) implements Result {
    }

    /** The phone already belongs to a member this till knows. */
    public record AlreadyMember(Member member) implements Result {
    }

    public record Invalid(String reason) implements Result {
    }

    private final Ledger ledger;
    private final MemberStore members;
    private final CardNumbers cardNumbers;
    private final Clock clock;
    private final String defaultTier;

    public RegisterMember(Ledger ledger, MemberStore members, Clock clock, RandomGenerator random, String defaultTier) {
        this.ledger = ledger;
        this.members = members;
        this.cardNumbers = new CardNumbers(clock, random);
        this.clock = clock;
        this.defaultTier = defaultTier;
    }

    public Result register(Request request) {
        String phone = request.phone() == null ? "" : request.phone().replaceAll("[\\s-]", "");
        if (!MOBILE.matcher(phone).matches()) {
            return new Invalid("a mobile number has 11 digits and starts with 13-19: '" + request.phone() + "'");
        }
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            return new Invalid("a name is needed");
        }
        if (request.birthday() != null && request.birthday().isAfter(LocalDate.now(clock))) {
            return new Invalid("the birthday is in the future");
        }
        return ledger.write(tx -> {
            List<Member> existing = members.findByPhone(tx, phone);
            if (!existing.isEmpty()) {
                return new AlreadyMember(existing.getFirst());
            }
            CardNo card = cardNumbers.next();
            while (members.cardExists(tx, card)) {
                card = cardNumbers.next();
            }
            MemberRegistered registered = new MemberRegistered(MemberId.newId(clock), phone, name,
                    request.gender(), request.birthday(), card, defaultTier, request.consentMarketing());
            tx.append(registered);
            return new Registered(new Member(registered.memberId(), card, phone, name, registered.gender(),
                    request.birthday(), defaultTier, request.consentMarketing()));
        });
    }
}
