package io.chainpos.server.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** Accounts for people: created from the command line, signed in with a password for a session token. */
public final class Users {
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    public static final int MIN_PASSWORD_LENGTH = 8;
    private static final int MAX_PASSWORD_LENGTH = 1024;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    /** Argon2id with OWASP's first recommended setting: 19 MiB of memory, 2 passes, one lane. */
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    private final AccountStore accounts;
    private final Secrets secrets;
    private final Clock clock;
    /** Checked against when the user does not exist, so a wrong name costs as long as a wrong password. */
    private final String decoyHash;

    public Users(AccountStore accounts, Secrets secrets, Clock clock) {
        this.accounts = accounts;
        this.secrets = secrets;
        this.clock = clock;
        this.decoyHash = Password.hash(secrets.newToken()).addRandomSalt(16).with(ARGON2).getResult();
    }

    /** A created account, or why not. */
    public sealed interface Created {
        record Done(String username, Role role) implements Created {
        }

        record Refused(String reason) implements Created {
        }
    }

    public Created create(String username, Role role, String password) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            return new Created.Refused("a username is 1-64 letters, digits, '.', '_', '@' or '-'");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            return new Created.Refused("a password is " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters");
        }
        String hash = Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
        if (!accounts.addUser(username, role, hash, clock.instant())) {
            return new Created.Refused("user " + username + " already exists");
        }
        return new Created.Done(username, role);
    }

    /** A new session token, or empty when the name or the password is wrong (which one is not said). */
    public Optional<String> login(String username, String password) {
        if (username == null || password == null || password.length() > MAX_PASSWORD_LENGTH) {
            return Optional.empty();
        }
        Optional<AccountStore.StoredUser> user = accounts.user(username);
        String hash = user.map(AccountStore.StoredUser::passwordHash).orElse(decoyHash);
        boolean matches = Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        if (user.isEmpty() || !matches) {
            return Optional.empty();
        }
        String token = secrets.newToken();
        Instant now = clock.instant();
        accounts.addSession(Secrets.sha256(token), new UserPrincipal(user.get().username(), user.get().role()),
                now, now.plus(SESSION_LIFETIME));
        return Optional.of(token);
    }
}
