package io.chainpos.server.auth;

import io.chainpos.model.id.StoreId;
import io.chainpos.server.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * People's accounts: created from the command line or by an admin's page (with a role, and the store of a
 * store manager), disabled, a password reset by an admin or changed by its owner; and the JSON API's sign-in,
 * under the same lockout as the page's. Every change is audited with who made it.
 */
public final class Users {
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    public static final int MIN_PASSWORD_LENGTH = Passwords.MIN_LENGTH;

    private final UserAccounts accounts;
    private final AccountStore apiSessions;
    private final SignIn signIn;
    private final AuditLog audit;
    private final Secrets secrets;
    private final Clock clock;

    public Users(UserAccounts accounts, AccountStore apiSessions, SignIn signIn, AuditLog audit, Secrets secrets, Clock clock) {
        this.accounts = accounts;
        this.apiSessions = apiSessions;
        this.signIn = signIn;
        this.audit = audit;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** A created account, or every reason it was not. */
    public sealed interface Created {
        record Done(String username, Role role) implements Created {
        }

        record Refused(List<UserProblem> problems) implements Created {
            /** The reasons in English, for the command line. */
            public String reason() {
                return String.join("; ", problems.stream().map(UserProblem::english).toList());
            }
        }
    }

    /** Creates an account (nothing when any value is wrong); {@code actor} is who asked ({@code cli} from the command line). */
    public Created create(String actor, String username, Role role, String store, String password, String confirm) {
        List<UserProblem> problems = new ArrayList<>();
        if (username == null || !SignIn.USERNAME.matcher(username).matches()) {
            problems.add(UserProblem.USERNAME_INVALID);
        }
        String boundStore = checkRole(role, store, problems);
        checkNewPassword(password, confirm, problems);
        if (!problems.isEmpty()) {
            return new Created.Refused(problems);
        }
        if (!accounts.add(username, role, boundStore, Passwords.hash(password), clock.instant())) {
            return new Created.Refused(List.of(UserProblem.USERNAME_TAKEN));
        }
        audit.record(actor, "user.created", username, boundStore, role.label());
        return new Created.Done(username, role);
    }

    /** Creates an account from the command line, the password given once. */
    public Created create(String username, Role role, String store, String password) {
        return create("cli", username, role, store, password, password);
    }

    /** What a change to an account came to. */
    public sealed interface Changed {
        record Done() implements Changed {
        }

        record Refused(List<UserProblem> problems) implements Changed {
        }

        record NoSuchUser() implements Changed {
        }

        /** An admin cannot disable their own account (nobody might be left to enable it). */
        record NotYourself() implements Changed {
        }
    }

    public Changed disable(String actor, String username) {
        if (actor.equals(username)) {
            return new Changed.NotYourself();
        }
        if (!accounts.setDisabled(username, true, clock.instant())) {
            return new Changed.NoSuchUser();
        }
        audit.record(actor, "user.disabled", username, null, "");
        return new Changed.Done();
    }

    public Changed enable(String actor, String username) {
        if (!accounts.setDisabled(username, false, clock.instant())) {
            return new Changed.NoSuchUser();
        }
        audit.record(actor, "user.enabled", username, null, "");
        return new Changed.Done();
    }

    /**
     * An admin gives another user a role (and a store manager their store); the user's sessions end, so the new role
     * applies from their next sign-in. Nothing changes while a value is wrong.
     */
    public Changed changeRole(String actor, String username, Role role, String store) {
        if (actor.equals(username)) {
            return new Changed.NotYourself();
        }
        List<UserProblem> problems = new ArrayList<>();
        String boundStore = checkRole(role, store, problems);
        if (!problems.isEmpty()) {
            return new Changed.Refused(problems);
        }
        if (!accounts.setRole(username, role, boundStore)) {
            return new Changed.NoSuchUser();
        }
        audit.record(actor, "user.role-changed", username, boundStore, role.label());
        return new Changed.Done();
    }

    /** The store a role binds the account to (null for head office's roles), each wrong value added to {@code problems}. */
    private static String checkRole(Role role, String store, List<UserProblem> problems) {
        if (role == null) {
            problems.add(UserProblem.ROLE_UNKNOWN);
        }
        String boundStore = store == null || store.isBlank() ? null : store.trim();
        if (role != null && role.isBoundToAStore() && boundStore == null) {
            problems.add(UserProblem.STORE_REQUIRED);
        } else if (role != null && !role.isBoundToAStore() && boundStore != null) {
            problems.add(UserProblem.STORE_NOT_FOR_ROLE);
        } else if (boundStore != null && !isStoreId(boundStore)) {
            problems.add(UserProblem.STORE_INVALID);
        }
        return boundStore;
    }

    /** An admin sets another user's password; the user's sessions end. */
    public Changed resetPassword(String actor, String username, String password, String confirm) {
        List<UserProblem> problems = new ArrayList<>();
        checkNewPassword(password, confirm, problems);
        if (!problems.isEmpty()) {
            return new Changed.Refused(problems);
        }
        if (accounts.find(username).isEmpty()) {
            return new Changed.NoSuchUser();
        }
        accounts.setPassword(username, Passwords.hash(password));
        audit.record(actor, "user.password-reset", username, null, "");
        return new Changed.Done();
    }

    /** A user changes their own password, giving the current one; their sessions end (they sign in again). */
    public Changed changeOwnPassword(String username, String old, String password, String confirm) {
        Optional<UserAccounts.Account> account = accounts.find(username);
        if (account.isEmpty()) {
            return new Changed.NoSuchUser();
        }
        List<UserProblem> problems = new ArrayList<>();
        if (old == null || old.length() > Passwords.MAX_LENGTH || !Passwords.matches(old, account.get().passwordHash())) {
            problems.add(UserProblem.OLD_PASSWORD_WRONG);
        }
        checkNewPassword(password, confirm, problems);
        if (problems.isEmpty() && password.equals(old)) {
            problems.add(UserProblem.SAME_PASSWORD);
        }
        if (!problems.isEmpty()) {
            return new Changed.Refused(problems);
        }
        accounts.setPassword(username, Passwords.hash(password));
        audit.record(username, "user.password-changed", username, null, "");
        return new Changed.Done();
    }

    /** The JSON API's sign-in. */
    public sealed interface Login {
        record Token(String token) implements Login {
        }

        record Refused() implements Login {
        }

        record Locked(Instant until) implements Login {
        }

        record TooSoon(Duration retryIn) implements Login {
        }
    }

    /** A session token for {@code Authorization: Bearer}, or why not (a wrong name and a wrong password look alike). */
    public Login login(String username, String password) {
        return switch (signIn.attempt(username, password, "api")) {
            case SignIn.Outcome.SignedIn(UserAccounts.Account account) -> {
                String token = secrets.newToken();
                Instant now = clock.instant();
                apiSessions.addSession(Secrets.sha256(token), new UserPrincipal(account.username(), account.role()),
                        now, now.plus(SESSION_LIFETIME));
                yield new Login.Token(token);
            }
            case SignIn.Outcome.Wrong wrong -> new Login.Refused();
            case SignIn.Outcome.Disabled disabled -> new Login.Refused();
            case SignIn.Outcome.TooSoon(Duration wait) -> new Login.TooSoon(wait);
            case SignIn.Outcome.Locked(Instant until) -> new Login.Locked(until);
        };
    }

    private static void checkNewPassword(String password, String confirm, List<UserProblem> problems) {
        if (!Passwords.acceptable(password)) {
            problems.add(UserProblem.PASSWORD_LENGTH);
        } else if (!password.equals(confirm)) {
            problems.add(UserProblem.PASSWORDS_DIFFER);
        }
    }

    private static boolean isStoreId(String store) {
        try {
            StoreId.of(store);
            return store.length() <= 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
