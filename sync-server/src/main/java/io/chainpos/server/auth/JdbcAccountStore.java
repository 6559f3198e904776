package io.chainpos.server.auth;

import io.chainpos.server.db.Database;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import java.time.Instant;
import java.util.Optional;

/**
 * Accounts in the same database as the events. Every check-and-change is one statement or runs under the
 * row it changes, so two server nodes enrolling with one code at once cannot both succeed.
 */
public final class JdbcAccountStore implements AccountStore {
    private final Database db;

    public JdbcAccountStore(Database db) {
        this.db = db;
    }

    @Override
    public void addEnrollmentCode(String codeHash, StoreId storeId, TillId tillId, Instant created, Instant expires) {
        db.write(tx -> tx.handle().createUpdate("""
                        INSERT INTO enrollment_codes (code_hash, store_id, till_id, created_ms, expires_ms)
                        VALUES (:hash, :store, :till, :created, :expires)""")
                .bind("hash", codeHash)
                .bind("store", storeId.value())
                .bind("till", tillId.value())
                .bind("created", created.toEpochMilli())
                .bind("expires", expires.toEpochMilli())
                .execute());
    }

    @Override
    public Optional<StoreId> storeOfTill(TillId tillId) {
        return db.read(h -> h.createQuery("SELECT store_id FROM tills WHERE till_id = :till")
                .bind("till", tillId.value())
                .map((rs, ctx) -> StoreId.of(rs.getString(1)))
                .findOne());
    }

    @Override
    public EnrollOutcome enroll(String codeHash, String tokenHash, Instant now) {
        record Code(StoreId store, TillId till, long expiresMs, boolean used) {
        }
        try {
            return db.write(tx -> {
                var h = tx.handle();
                Optional<Code> found = h.createQuery("SELECT store_id, till_id, expires_ms, used_ms FROM enrollment_codes WHERE code_hash = :hash")
                        .bind("hash", codeHash)
                        .map((rs, ctx) -> new Code(StoreId.of(rs.getString(1)), TillId.of(rs.getString(2)), rs.getLong(3),
                                rs.getObject(4) != null))
                        .findOne();
                if (found.isEmpty()) {
                    return new EnrollOutcome.UnknownCode();
                }
                Code code = found.get();
                if (code.used()) {
                    return new EnrollOutcome.AlreadyUsed();
                }
                if (code.expiresMs() <= now.toEpochMilli()) {
                    return new EnrollOutcome.Expired();
                }
                // Claiming the code is one statement: of two enrollments with one code, one claims it.
                int claimed = h.createUpdate("UPDATE enrollment_codes SET used_ms = :now WHERE code_hash = :hash AND used_ms IS NULL")
                        .bind("now", now.toEpochMilli()).bind("hash", codeHash).execute();
                if (claimed == 0) {
                    return new EnrollOutcome.AlreadyUsed();
                }
                // The next epoch, counted in the row itself; a till of another store leaves the row alone.
                Optional<Integer> epoch = h.createQuery("""
                                INSERT INTO tills (till_id, store_id, current_epoch) VALUES (:till, :store, 1)
                                ON CONFLICT (till_id) DO UPDATE SET current_epoch = tills.current_epoch + 1, revoked_ms = NULL
                                WHERE tills.store_id = excluded.store_id
                                RETURNING current_epoch""")
                        .bind("till", code.till().value()).bind("store", code.store().value())
                        .mapTo(Integer.class).findOne();
                if (epoch.isEmpty()) {
                    StoreId other = h.createQuery("SELECT store_id FROM tills WHERE till_id = :till")
                            .bind("till", code.till().value()).map((rs, ctx) -> StoreId.of(rs.getString(1))).one();
                    throw new TillOfAnotherStore(other);
                }
                // One live device per till: a reinstalled or restored till's old token stops working.
                h.createUpdate("UPDATE till_tokens SET revoked_ms = :now WHERE till_id = :till AND revoked_ms IS NULL")
                        .bind("now", now.toEpochMilli()).bind("till", code.till().value()).execute();
                h.createUpdate("""
                                INSERT INTO till_tokens (token_hash, till_id, till_epoch, store_id, created_ms)
                                VALUES (:hash, :till, :epoch, :store, :now)""")
                        .bind("hash", tokenHash).bind("till", code.till().value()).bind("epoch", epoch.get())
                        .bind("store", code.store().value()).bind("now", now.toEpochMilli()).execute();
                return new EnrollOutcome.Enrolled(new TillPrincipal(code.store(), code.till(), epoch.get()));
            });
        } catch (TillOfAnotherStore refused) {
            return new EnrollOutcome.TillOfAnotherStore(refused.store);
        }
    }

    /** Rolls the enrollment back (the code stays unused) when the till belongs to another store. */
    private static final class TillOfAnotherStore extends RuntimeException {
        private final transient StoreId store;

        TillOfAnotherStore(StoreId store) {
            super(null, null, false, false);
            this.store = store;
        }
    }

    @Override
    public boolean revokeTill(TillId tillId, Instant now) {
        return db.write(tx -> {
            var h = tx.handle();
            int tills = h.createUpdate("UPDATE tills SET revoked_ms = :now WHERE till_id = :till")
                    .bind("now", now.toEpochMilli()).bind("till", tillId.value()).execute();
            if (tills == 0) {
                return false;
            }
            h.createUpdate("UPDATE till_tokens SET revoked_ms = :now WHERE till_id = :till AND revoked_ms IS NULL")
                    .bind("now", now.toEpochMilli()).bind("till", tillId.value()).execute();
            h.createUpdate("UPDATE enrollment_codes SET used_ms = :now WHERE till_id = :till AND used_ms IS NULL")
                    .bind("now", now.toEpochMilli()).bind("till", tillId.value()).execute();
            return true;
        });
    }

    @Override
    public Optional<TillPrincipal> tillByToken(String tokenHash) {
        return db.read(h -> h.createQuery(
                        "SELECT store_id, till_id, till_epoch FROM till_tokens WHERE token_hash = :hash AND revoked_ms IS NULL")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new TillPrincipal(StoreId.of(rs.getString(1)), TillId.of(rs.getString(2)), rs.getInt(3)))
                .findOne());
    }

    @Override
    public boolean addUser(String username, Role role, String passwordHash, Instant now) {
        return db.write(tx -> tx.handle().createUpdate("""
                        INSERT INTO users (username, role, password_hash, created_ms) VALUES (:name, :role, :hash, :now)
                        ON CONFLICT (username) DO NOTHING""")
                .bind("name", username)
                .bind("role", role.name())
                .bind("hash", passwordHash)
                .bind("now", now.toEpochMilli())
                .execute() == 1);
    }

    @Override
    public Optional<StoredUser> user(String username) {
        return db.read(h -> h.createQuery("SELECT username, role, password_hash FROM users WHERE username = :name")
                .bind("name", username)
                .map((rs, ctx) -> new StoredUser(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3)))
                .findOne());
    }

    @Override
    public void addSession(String tokenHash, UserPrincipal user, Instant created, Instant expires) {
        db.write(tx -> {
            tx.handle().createUpdate("DELETE FROM sessions WHERE expires_ms <= :now").bind("now", created.toEpochMilli()).execute();
            return tx.handle().createUpdate("""
                            INSERT INTO sessions (token_hash, username, role, created_ms, expires_ms)
                            VALUES (:hash, :name, :role, :created, :expires)""")
                    .bind("hash", tokenHash)
                    .bind("name", user.username())
                    .bind("role", user.role().name())
                    .bind("created", created.toEpochMilli())
                    .bind("expires", expires.toEpochMilli())
                    .execute();
        });
    }

    @Override
    public Optional<UserPrincipal> session(String tokenHash, Instant now) {
        return db.read(h -> h.createQuery(
                        "SELECT username, role FROM sessions WHERE token_hash = :hash AND expires_ms > :now")
                .bind("hash", tokenHash)
                .bind("now", now.toEpochMilli())
                .map((rs, ctx) -> new UserPrincipal(rs.getString(1), Role.valueOf(rs.getString(2))))
                .findOne());
    }
}
