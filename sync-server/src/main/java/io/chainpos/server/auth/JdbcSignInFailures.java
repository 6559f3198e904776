package io.chainpos.server.auth;

import io.chainpos.server.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** The {@code sign_in_failures} table. */
public final class JdbcSignInFailures implements SignInFailures {
    private static final String SELECT = "SELECT failures, retry_after_ms, locked_until_ms FROM sign_in_failures WHERE username = :name";

    private final Database db;

    public JdbcSignInFailures(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Lockout.State> of(String username) {
        return db.read(h -> h.createQuery(SELECT).bind("name", username).map((rs, ctx) -> state(rs)).findOne());
    }

    @Override
    public Lockout.State update(String username, Instant now, Function<Optional<Lockout.State>, Lockout.State> change) {
        return db.write(tx -> {
            // PostgreSQL: the row is locked for the transaction; SQLite has one writer anyway.
            String lock = db.dialect().forUpdate();
            Optional<Lockout.State> before = tx.handle().createQuery(SELECT + lock).bind("name", username)
                    .map((rs, ctx) -> state(rs)).findOne();
            Lockout.State after = change.apply(before);
            var upsert = tx.handle().createUpdate("""
                            INSERT INTO sign_in_failures (username, failures, last_failure_ms, retry_after_ms, locked_until_ms)
                            VALUES (:name, :failures, :now, :retry, :locked)
                            ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, last_failure_ms = excluded.last_failure_ms,
                                retry_after_ms = excluded.retry_after_ms, locked_until_ms = excluded.locked_until_ms""")
                    .bind("name", username).bind("failures", after.failures()).bind("now", now.toEpochMilli())
                    .bind("retry", after.retryAfter().toEpochMilli());
            (after.lockedUntil().isPresent() ? upsert.bind("locked", after.lockedUntil().get().toEpochMilli())
                    : upsert.bindNull("locked", java.sql.Types.BIGINT)).execute();
            return after;
        });
    }

    @Override
    public void clear(String username) {
        db.write(tx -> tx.handle().createUpdate("DELETE FROM sign_in_failures WHERE username = :name").bind("name", username).execute());
    }

    private static Lockout.State state(ResultSet rs) throws SQLException {
        long locked = rs.getLong(3);
        Optional<Instant> until = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(locked));
        return new Lockout.State(rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2)), until);
    }
}
