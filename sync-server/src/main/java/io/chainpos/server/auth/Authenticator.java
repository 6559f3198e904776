package io.chainpos.server.auth;

import java.time.Clock;
import java.util.Optional;

/** Turns a bearer token into who is calling: a till's device token or a person's unexpired session. */
public final class Authenticator {
    private final AccountStore accounts;
    private final Clock clock;

    public Authenticator(AccountStore accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    public Optional<Principal> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 512) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(token);
        Optional<Principal> till = accounts.tillByToken(hash).map(Principal.class::cast);
        return till.isPresent() ? till : accounts.session(hash, clock.instant()).map(Principal.class::cast);
    }
}
