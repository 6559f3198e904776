package io.chainpos.server.web;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The person behind a page request: their name, role (its label, for showing), what they may do, the one
 * store they are bound to (a store manager) and their session's CSRF token.
 */
public record Viewer(String username, String role, Set<Permission> permissions, Optional<String> store, String csrfToken) {
    public Viewer {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        permissions = Set.copyOf(permissions);
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(csrfToken, "csrfToken");
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    @Override
    public String toString() {
        return "Viewer[" + username + ", " + role + store.map(s -> ", store " + s).orElse("") + "]";
    }
}
