package io.chainpos.model.member;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A piece of a member's personal data (phone, name, birthday) sealed with that member's own key
 * ({@link MemberKey}): {@code m1.<base64 of nonce and AES-GCM ciphertext>}. Events and projections carry only
 * this form, so destroying the member's key leaves the append-only log with nothing readable about the person.
 */
public record Sealed(@JsonValue String text) {
    static final String PREFIX = "m1.";

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Sealed {
        Objects.requireNonNull(text, "sealed text");
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("sealed personal data starts with " + PREFIX);
        }
    }

    @Override
    public String toString() {
        return "Sealed[...]";
    }
}
