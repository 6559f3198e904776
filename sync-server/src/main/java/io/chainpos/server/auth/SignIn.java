package io.chainpos.server.auth;

import io.chainpos.server.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a username and password, for the sign-in page and {@code POST /api/v1/login} alike, under the
 * {@link Lockout}: a try that comes too soon after a wrong password, or while the name is locked, is refused
 * without looking at the password. A name nobody has is counted like one that exists, so the answers do not
 * tell which names exist. Sign-ins and locks are audited.
 */
public final class SignIn {
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private final UserAccounts accounts;
    private final SignInFailures failures;
    private final Lockout lockout;
    private final AuditLog audit;
    private final Clock clock;
    /** Checked against when the user does not exist, so a wrong name costs as long as a wrong password. */
    private final String decoyHash;

    public SignIn(UserAccounts accounts, SignInFailures failures, Lockout lockout, AuditLog audit, Clock clock, Secrets secrets) {
        this.accounts = accounts;
        this.failures = failures;
        this.lockout = lockout;
        this.audit = audit;
        this.clock = clock;
        this.decoyHash = Passwords.hash(secrets.newToken());
    }

    /** What a try came to. */
    public sealed interface Outcome {
        record SignedIn(UserAccounts.Account account) implements Outcome {
        }

        /** Wrong name or password (which is not said); the next try waits {@code wait}. */
        record Wrong(Duration retryIn) implements Outcome {
        }

        /** Too soon after a wrong password: the password was not looked at. */
        record TooSoon(Duration retryIn) implements Outcome {
        }

        record Locked(Instant until) implements Outcome {
        }

        /** The password was right, but the account is disabled. */
        record Disabled() implements Outcome {
        }
    }

    /** @param channel {@code web} or {@code api}, for the audit log */
    public Outcome attempt(String username, String password, String channel) {
        Instant now = clock.instant();
        if (username == null || !USERNAME.matcher(username).matches() || password == null || password.length() > Passwords.MAX_LENGTH) {
            return new Outcome.Wrong(Duration.ZERO);
        }
        Optional<Lockout.State> state = failures.of(username);
        if (lockout.isLocked(state, now)) {
            return new Outcome.Locked(state.flatMap(Lockout.State::lockedUntil).orElseThrow());
        }
        Duration wait = lockout.wait(state, now);
        if (!wait.isZero()) {
            return new Outcome.TooSoon(wait);
        }
        Optional<UserAccounts.Account> account = accounts.find(username);
        boolean matches = Passwords.matches(password, account.map(UserAccounts.Account::passwordHash).orElse(decoyHash));
        if (account.isEmpty() || !matches) {
            Lockout.State after = failures.update(username, now, before -> lockout.failed(before, now));
            if (after.lockedUntil().isPresent()) {
                audit.record("-", "sign-in.locked", username, null,
                        after.failures() + " wrong passwords (" + channel + "); locked until " + after.lockedUntil().get());
                return new Outcome.Locked(after.lockedUntil().get());
            }
            return new Outcome.Wrong(Duration.between(now, after.retryAfter()));
        }
        if (state.isPresent()) {
            failures.clear(username);
        }
        if (account.get().disabled()) {
            return new Outcome.Disabled();
        }
        audit.record(username, "sign-in", username, account.get().store().orElse(null), channel);
        return new Outcome.SignedIn(account.get());
    }
}
