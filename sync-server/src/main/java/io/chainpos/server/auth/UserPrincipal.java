package io.chainpos.server.auth;

import java.util.Objects;

/** A person signed in with a password. */
public record UserPrincipal(String username, Role role) implements Principal {
    public UserPrincipal {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }

    /** Head office (admin or analyst): reads every store through the API. */
    public boolean isHeadOffice() {
        return role.isHeadOffice();
    }
}
