package io.chainpos.server.auth;

import java.time.Instant;
import java.util.Optional;

/** The browsers' sessions as stored: the cookie's token only as its hash. */
public interface WebSessionStore {
    /** A session with its account as it is now (role, store, disabled). */
    record Found(String username, String csrfToken, Instant created, Instant seen, UserAccounts.Account account) {
    }

    void add(String tokenHash, String username, String csrfToken, Instant now);

    Optional<Found> find(String tokenHash);

    void touch(String tokenHash, Instant now);

    void remove(String tokenHash);
}
