package io.chainpos.server.auth;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import java.time.Instant;
import java.util.Optional;

/**
 * Tills, enrollment codes, device tokens, users and sessions. Secrets arrive here already hashed: codes
 * and tokens as SHA-256, passwords as Argon2; nothing in storage can be replayed as a credential.
 */
public interface AccountStore {

    void addEnrollmentCode(String codeHash, StoreId storeId, TillId tillId, Instant created, Instant expires);

    /** The store a till was first issued a code for; a till never moves to another store. */
    Optional<StoreId> storeOfTill(TillId tillId);

    /**
     * Uses a code once, atomically: the till gets the next epoch (1 at its first enrollment) and a device
     * token with {@code tokenHash}; the till's earlier tokens stop working.
     */
    EnrollOutcome enroll(String codeHash, String tokenHash, Instant now);

    /**
     * Head office revokes a lost till: every token it holds stops working at once and any code issued for it and not
     * yet used is void; enrolling it again with a new code brings it back. False for a till never enrolled.
     */
    boolean revokeTill(TillId tillId, Instant now);

    /** The till a live device token belongs to. */
    Optional<TillPrincipal> tillByToken(String tokenHash);

    /** False when the username is taken. */
    boolean addUser(String username, Role role, String passwordHash, Instant now);

    Optional<StoredUser> user(String username);

    void addSession(String tokenHash, UserPrincipal user, Instant created, Instant expires);

    /** The user of a session that has not expired at {@code now}. */
    Optional<UserPrincipal> session(String tokenHash, Instant now);

    /** A user as stored: the Argon2 hash is only ever compared, never shown. */
    record StoredUser(String username, Role role, String passwordHash) {
        @Override
        public String toString() {
            return "StoredUser[username=" + username + ", role=" + role + "]";
        }
    }

    /** The outcome of presenting an enrollment code. */
    sealed interface EnrollOutcome {
        record Enrolled(TillPrincipal till) implements EnrollOutcome {
        }

        record UnknownCode() implements EnrollOutcome {
        }

        record AlreadyUsed() implements EnrollOutcome {
        }

        record Expired() implements EnrollOutcome {
        }

        /** The code names a store, but the till was enrolled for another one first. */
        record TillOfAnotherStore(StoreId store) implements EnrollOutcome {
        }
    }
}
