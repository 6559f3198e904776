package io.chainpos.server.merge;

import io.chainpos.model.event.MemberEvent;
import io.chainpos.model.member.MemberProfile;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A member profile field as the projection stores it: each merges on its own, last writer wins. Which fields
 * an event writes, and the order of writes, are {@link MemberProfile}'s (shared with the till), not this
 * server's: the SQL upsert only stores them.
 */
public enum ProfileField {
    PHONE_HASH(MemberProfile.Field.PHONE_HASH),
    PHONE(MemberProfile.Field.PHONE),
    NAME(MemberProfile.Field.NAME),
    GENDER(MemberProfile.Field.GENDER),
    BIRTHDAY(MemberProfile.Field.BIRTHDAY),
    CARD_NO(MemberProfile.Field.CARD_NO),
    TIER_CODE(MemberProfile.Field.TIER_CODE),
    CONSENT_MARKETING(MemberProfile.Field.CONSENT_MARKETING);

    private final MemberProfile.Field field;

    ProfileField(MemberProfile.Field field) {
        this.field = field;
    }

    public String stored() {
        return field.stored();
    }

    /** Personal data: sealed, and removed when the member is erased. */
    public boolean personal() {
        return field.personal();
    }

    public static Optional<ProfileField> fromStored(String name) {
        for (ProfileField f : values()) {
            if (f.stored().equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The fields {@code event} writes, exactly as {@link MemberProfile#writtenBy} names them. */
    public static Map<ProfileField, String> writtenBy(MemberEvent event) {
        Map<ProfileField, String> values = new EnumMap<>(ProfileField.class);
        MemberProfile.writtenBy(event).forEach((f, v) -> values.put(valueOf(f.name()), v));
        return values;
    }
}
