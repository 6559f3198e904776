package io.chainpos.model.member;

import io.chainpos.model.event.Gender;
import io.chainpos.model.event.MemberErased;
import io.chainpos.model.event.MemberEvent;
import io.chainpos.model.event.MemberProfileChanged;
import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.event.MembersMerged;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.id.MemberId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A member's profile as merged from every store. Each field is last-writer-wins by the {@link Stamp} of the
 * event that wrote it (hlc, then till id, then event id), so every node that folds the same events, in any
 * order, ends with the same profile. This is the one rule: the till folds it here, and the server's SQL
 * upsert takes the same fields ({@link #writtenBy}) and encodes the same order ({@link Stamp}).
 *
 * <p>Phone, name and birthday are {@link Sealed}; an erased profile keeps no personal field and takes none
 * again, whatever arrives later from a till that was offline.
 */
public record MemberProfile(
        MemberId memberId,
        CardNo cardNo,
        Stamped<String> phoneHash,
        Stamped<Sealed> phone,
        Stamped<Sealed> name,
        Stamped<Gender> gender,
        Stamped<Sealed> birthday,
        Stamped<String> tierCode,
        Stamped<Boolean> consentMarketing,
        boolean erased) {

    /** A profile field as stored: each merges on its own. */
    public enum Field {
        PHONE_HASH("phoneHash", false), PHONE("phone", true), NAME("name", true), GENDER("gender", false),
        BIRTHDAY("birthday", true), CARD_NO("cardNo", false), TIER_CODE("tierCode", false),
        CONSENT_MARKETING("consentMarketing", false);

        private final String stored;
        private final boolean personal;

        Field(String stored, boolean personal) {
            this.stored = stored;
            this.personal = personal;
        }

        public String stored() {
            return stored;
        }

        /** Personal data: sealed, and gone (with the phone hash) once the member is erased. */
        public boolean personal() {
            return personal || this == PHONE_HASH;
        }
    }

    public MemberProfile {
        Objects.requireNonNull(memberId, "memberId");
    }

    public static MemberProfile empty(MemberId memberId) {
        return new MemberProfile(memberId, null, null, null, null, null, null, null, null, false);
    }

    /**
     * The fields {@code event} writes, as text (sealed values in their sealed form): a registration writes
     * every field it has, a change only the fields it names, a merge or an erasure none.
     */
    public static Map<Field, String> writtenBy(MemberEvent event) {
        Map<Field, String> out = new EnumMap<>(Field.class);
        switch (event) {
            case MemberRegistered r -> {
                put(out, Field.PHONE_HASH, r.phoneHash());
                put(out, Field.PHONE, r.phone());
                put(out, Field.NAME, r.name());
                put(out, Field.GENDER, r.gender());
                put(out, Field.BIRTHDAY, r.birthday());
                put(out, Field.CARD_NO, r.cardNo().value());
                put(out, Field.TIER_CODE, r.tierCode());
                put(out, Field.CONSENT_MARKETING, r.consentMarketing());
            }
            case MemberProfileChanged c -> {
                put(out, Field.PHONE_HASH, c.phoneHash());
                put(out, Field.PHONE, c.phone());
                put(out, Field.NAME, c.name());
                put(out, Field.GENDER, c.gender());
                put(out, Field.BIRTHDAY, c.birthday());
                put(out, Field.TIER_CODE, c.tierCode());
                put(out, Field.CONSENT_MARKETING, c.consentMarketing());
            }
            case MembersMerged m -> { }
            case MemberErased e -> { }
        }
        return out;
    }

    private static void put(Map<Field, String> out, Field field, Object value) {
        if (value != null) {
            out.put(field, switch (value) {
                case Sealed s -> s.text();
                case Enum<?> e -> e.name();
                default -> value.toString();
            });
        }
    }

    /** The profile after {@code event}, written at {@code stamp}. {@code state} may be null (nothing known yet). */
    public static MemberProfile evolve(MemberProfile state, MemberEvent event, Stamp stamp) {
        MemberProfile p = state == null ? empty(event.memberId()) : state;
        if (event instanceof MemberErased) {
            return new MemberProfile(p.memberId, p.cardNo, null, null, null, p.gender, null, p.tierCode,
                    p.consentMarketing, true);
        }
        Map<Field, String> w = writtenBy(event);
        if (p.erased) {
            w.keySet().removeIf(Field::personal);
        }
        return new MemberProfile(p.memberId,
                p.cardNo == null && w.containsKey(Field.CARD_NO) ? new CardNo(w.get(Field.CARD_NO)) : p.cardNo,
                Stamped.mergeInto(p.phoneHash, w.get(Field.PHONE_HASH), stamp),
                Stamped.mergeInto(p.phone, sealed(w.get(Field.PHONE)), stamp),
                Stamped.mergeInto(p.name, sealed(w.get(Field.NAME)), stamp),
                Stamped.mergeInto(p.gender, w.containsKey(Field.GENDER) ? Gender.valueOf(w.get(Field.GENDER)) : null, stamp),
                Stamped.mergeInto(p.birthday, sealed(w.get(Field.BIRTHDAY)), stamp),
                Stamped.mergeInto(p.tierCode, w.get(Field.TIER_CODE), stamp),
                Stamped.mergeInto(p.consentMarketing,
                        w.containsKey(Field.CONSENT_MARKETING) ? Boolean.valueOf(w.get(Field.CONSENT_MARKETING)) : null, stamp),
                p.erased);
    }

    private static Sealed sealed(String text) {
        return text == null ? null : new Sealed(text);
    }

    public String phoneHashValue() {
        return phoneHash == null ? null : phoneHash.value();
    }

    public Sealed phoneValue() {
        return phone == null ? null : phone.value();
    }

    public Sealed nameValue() {
        return name == null ? null : name.value();
    }

    public Gender genderValue() {
        return gender == null ? Gender.UNSPECIFIED : gender.value();
    }

    public Sealed birthdayValue() {
        return birthday == null ? null : birthday.value();
    }

    public String tierCodeValue() {
        return tierCode == null ? null : tierCode.value();
    }

    public boolean consentsToMarketing() {
        return consentMarketing != null && consentMarketing.value();
    }
}
