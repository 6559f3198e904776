package io.chainpos.till.member;

import io.chainpos.model.event.Gender;
import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.PersonalData;
import io.chainpos.model.member.PhoneLookup;
import io.chainpos.model.member.Phones;
import io.chainpos.till.TillMessage;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.LedgerTransaction;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Registers a member at the counter, offline or not: a fact in the ledger that syncs to every store. The
 * member's phone, name and birthday are sealed with a key made for the member, kept beside the log; the
 * phone is found again through the chain's keyed hash.
 */
public final class RegisterMember {
    static final int MAX_NAME_LENGTH = 40;
    private static final LocalDate OLDEST_BIRTHDAY = LocalDate.of(1900, 1, 1);

    /** What the cashier typed. {@code birthday} and {@code gender} may be null. */
    public record Request(String phone, String name, Gender gender, LocalDate birthday, boolean consentMarketing) {
        @Override
        public String toString() {
            return "Request[hidden]";
        }
    }

    /** The outcome the cashier sees. */
    public sealed interface Result permits Registered, AlreadyMember, Invalid, NotEnrolled {
    }

    public record Registered(Member member) implements Result {
    }

    /** The phone already belongs to a member this till knows: the cashier uses that member. */
    public record AlreadyMember(Member member) implements Result {
    }

    /** What the cashier typed cannot be a member: which field, and why, in words for the cashier. */
    public record Invalid(Field field, TillMessage reason) implements Result {
    }

    /** The till has not enrolled with head office, so it cannot find phones across the chain yet. */
    public record NotEnrolled(TillMessage reason) implements Result {
    }

    public enum Field { PHONE, NAME, BIRTHDAY }

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
        Optional<Invalid> invalid = validate(request.phone(), request.name(), request.birthday());
        if (invalid.isPresent()) {
            return invalid.get();
        }
        PersonalData data = new PersonalData(Phones.normalize(request.phone()).orElseThrow(), request.name().strip(),
                request.birthday());
        Gender gender = request.gender() == null ? Gender.UNSPECIFIED : request.gender();
        return ledger.write(tx -> registerIn(tx, data, gender, request.consentMarketing()));
    }

    /** The first thing wrong with a registration, for the cashier or an import report. */
    Optional<Invalid> validate(String phone, String name, LocalDate birthday) {
        if (Phones.normalize(phone).isEmpty()) {
            return Optional.of(new Invalid(Field.PHONE, TillMessage.of(phone == null || phone.isBlank()
                    ? TillMessage.Code.PHONE_NEEDED : TillMessage.Code.PHONE_INVALID)));
        }
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            return Optional.of(new Invalid(Field.NAME, TillMessage.of(TillMessage.Code.NAME_NEEDED)));
        }
        if (stripped.length() > MAX_NAME_LENGTH) {
            return Optional.of(new Invalid(Field.NAME, TillMessage.of(TillMessage.Code.NAME_TOO_LONG, MAX_NAME_LENGTH)));
        }
        if (birthday != null && birthday.isAfter(LocalDate.now(clock))) {
            return Optional.of(new Invalid(Field.BIRTHDAY, TillMessage.of(TillMessage.Code.BIRTHDAY_IN_FUTURE)));
        }
        if (birthday != null && birthday.isBefore(OLDEST_BIRTHDAY)) {
            return Optional.of(new Invalid(Field.BIRTHDAY, TillMessage.of(TillMessage.Code.BIRTHDAY_BEFORE_1900)));
        }
        return Optional.empty();
    }

    /** Registers inside {@code tx}: refuses a phone this till already knows; the key is kept in the same transaction. */
    Result registerIn(LedgerTransaction tx, PersonalData data, Gender gender, boolean consentMarketing) {
        return registerIn(tx, data, gender, consentMarketing, null);
    }

    /** As above; {@code keepCard} is a card number the member already has (an import), or null for a new one. */
    Result registerIn(LedgerTransaction tx, PersonalData data, Gender gender, boolean consentMarketing, CardNo keepCard) {
        Optional<PhoneLookup> lookup = members.keys().phoneLookup(tx);
        if (lookup.isEmpty()) {
            return new NotEnrolled(TillMessage.of(TillMessage.Code.NOT_ENROLLED_FOR_MEMBERS));
        }
        List<Member> existing = members.findByPhoneHash(tx, lookup.get().hash(data.phone()));
        if (!existing.isEmpty()) {
            return new AlreadyMember(existing.getFirst());
        }
        CardNo card = keepCard != null ? keepCard : cardNumbers.next();
        for (int attempt = 1; keepCard == null && members.cardExists(tx, card); attempt++) {
            card = cardNumbers.next(attempt);
        }
        MemberKey key = MemberKey.generate(MemberId.newId(clock));
        members.keys().keep(tx, key, false);
        MemberRegistered registered = data.register(key, lookup.get(), gender, card, defaultTier, consentMarketing);
        tx.append(registered);
        return new Registered(new Member(registered.memberId(), card, data.phone(), data.name(), gender,
                data.birthday(), defaultTier, consentMarketing));
    }
}
