package io.chainpos.server.auth;

import io.chainpos.server.web.ListRequest;
import io.chainpos.server.web.ListSpec;
import io.chainpos.server.web.Slice;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** People's accounts as stored: role, a store manager's store, the password's hash, disabled or not. */
public interface UserAccounts {
    ListSpec LIST = new ListSpec(
            List.of(new ListSpec.Column("username", "username", false), new ListSpec.Column("role", "role", false),
                    new ListSpec.Column("created", "created_ms", true)),
            new ListSpec.Column("username", "username", false), "username", false, Set.of("q", "role", "store"), 50);

    /** An account; the hash is only ever compared, never shown. */
    record Account(String username, Role role, Optional<String> store, String passwordHash, boolean disabled, Instant created) {
        @Override
        public String toString() {
            return "Account[" + username + ", " + role + store.map(s -> ", " + s).orElse("") + (disabled ? ", disabled" : "") + "]";
        }
    }

    /** False when the username is taken. */
    boolean add(String username, Role role, String store, String passwordHash, Instant now);

    Optional<Account> find(String username);

    /** Replaces the password; every session of the account ends. False for an unknown user. */
    boolean setPassword(String username, String passwordHash);

    /** Disables (every session ends) or enables the account. False for an unknown user. */
    /** Gives the account {@code role} and {@code store} (null unless a store manager); its sessions end. False for an unknown user. */
    boolean setRole(String username, Role role, String store);

    boolean setDisabled(String username, boolean disabled, Instant now);

    /** A page of accounts: filters {@code q} (part of the username), {@code role} (a label), {@code store}. */
    Slice<Account> list(ListRequest request);
}
