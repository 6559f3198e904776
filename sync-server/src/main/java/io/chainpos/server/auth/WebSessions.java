package io.chainpos.server.auth;

import io.chainpos.server.web.Permission;
import io.chainpos.server.web.Viewer;
import io.chainpos.server.web.Visitors;
import io.chainpos.server.web.WebSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The browsers' sessions: opened at sign-in with a random token (the cookie) and a CSRF token, ended by
 * sign-out, after {@link WebSettings#idle()} without a request, after {@link WebSettings#lifetime()} at most,
 * and at once when the account is disabled or its password reset.
 */
public final class WebSessions implements Visitors {
    /** Activity is written at most this often, so reading a page does not always write. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final WebSessionStore store;
    private final Secrets secrets;
    private final Clock clock;
    private final WebSettings settings;

    public WebSessions(WebSessionStore store, Secrets secrets, Clock clock, WebSettings settings) {
        this.store = store;
        this.secrets = secrets;
        this.clock = clock;
        this.settings = settings;
    }

    /** A new session for a signed-in person; the returned token goes in the cookie and is stored only hashed. */
    public String open(String username) {
        String token = secrets.newToken();
        store.add(Secrets.sha256(token), username, secrets.newToken(), clock.instant());
        return token;
    }

    public void close(String token) {
        store.remove(Secrets.sha256(token));
    }

    @Override
    public Optional<Viewer> bySession(String token) {
        String hash = Secrets.sha256(token);
        Optional<WebSessionStore.Found> found = store.find(hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        WebSessionStore.Found session = found.get();
        Instant now = clock.instant();
        if (!now.isBefore(session.seen().plus(settings.idle())) || !now.isBefore(session.created().plus(settings.lifetime()))
                || session.account().disabled() || !session.account().role().may(Permission.HOME)
                || (session.account().role().isBoundToAStore() && session.account().store().isEmpty())) {
            store.remove(hash);
            return Optional.empty();
        }
        if (!now.isBefore(session.seen().plus(TOUCH_EVERY))) {
            store.touch(hash, now);
        }
        Role role = session.account().role();
        return Optional.of(new Viewer(session.username(), role.label(), role.permissions(),
                role.isBoundToAStore() ? session.account().store() : Optional.empty(), session.csrfToken()));
    }
}
