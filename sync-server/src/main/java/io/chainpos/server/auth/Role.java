package io.chainpos.server.auth;

import java.util.Locale;
import java.util.Optional;

/** What a signed-in person may do; head office ({@code hq}) sees every store. */
public enum Role {
    CASHIER, MANAGER, OWNER, HQ;

    /** Reads {@code cashier}, {@code manager}, {@code owner} or {@code hq}, in any case. */
    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
