package io.chainpos.server.merge;

import io.chainpos.model.event.MemberProfileChanged;
import io.chainpos.model.event.MemberRegistered;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** A member profile field as the projection stores it: each merges on its own, last writer wins. */
public enum ProfileField {
    PHONE("phone"),
    NAME("name"),
    GENDER("gender"),
    BIRTHDAY("birthday"),
    CARD_NO("cardNo"),
    TIER_CODE("tierCode"),
    CONSENT_MARKETING("consentMarketing");

    private final String stored;

    ProfileField(String stored) {
        this.stored = stored;
    }

    public String stored() {
        return stored;
    }

    public static Optional<ProfileField> fromStored(String name) {
        for (ProfileField field : values()) {
            if (field.stored.equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** Every field a registration sets (a missing birthday is simply not written). */
    public static Map<ProfileField, String> writtenBy(MemberRegistered registered) {
        Map<ProfileField, String> values = new EnumMap<>(ProfileField.class);
        values.put(PHONE, registered.phone());
        values.put(NAME, registered.name());
        values.put(GENDER, registered.gender().name());
        if (registered.birthday() != null) {
            values.put(BIRTHDAY, registered.birthday().toString());
        }
        values.put(CARD_NO, registered.cardNo().value());
        values.put(TIER_CODE, registered.tierCode());
        values.put(CONSENT_MARKETING, Boolean.toString(registered.consentMarketing()));
        return values;
    }

    /** Only the fields a profile change names; a null field did not change. */
    public static Map<ProfileField, String> writtenBy(MemberProfileChanged changed) {
        Map<ProfileField, String> values = new EnumMap<>(ProfileField.class);
        putIfPresent(values, PHONE, changed.phone());
        putIfPresent(values, NAME, changed.name());
        putIfPresent(values, GENDER, changed.gender());
        putIfPresent(values, BIRTHDAY, changed.birthday());
        putIfPresent(values, TIER_CODE, changed.tierCode());
        putIfPresent(values, CONSENT_MARKETING, changed.consentMarketing());
        return values;
    }

    private static void putIfPresent(Map<ProfileField, String> values, ProfileField field, Object value) {
        if (value != null) {
            values.put(field, value instanceof Enum<?> e ? e.name() : value.toString());
        }
    }
}
