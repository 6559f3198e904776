package io.chainpos.server.auth;

import io.chainpos.server.db.Database;
import java.time.Instant;
import java.util.Optional;

/** The {@code web_sessions} table, read together with the account so a disabled account's session stops at once. */
public final class JdbcWebSessions implements WebSessionStore {
    private final Database db;

    public JdbcWebSessions(Database db) {
        this.db = db;
    }

    @Override
    public void add(String tokenHash, String username, String csrfToken, Instant now) {
        db.write(tx -> tx.handle().createUpdate("""
                        INSERT INTO web_sessions (token_hash, username, csrf_token, created_ms, seen_ms)
                        VALUES (:hash, :name, :csrf, :now, :now)""")
                .bind("hash", tokenHash).bind("name", username).bind("csrf", csrfToken).bind("now", now.toEpochMilli()).execute());
    }

    @Override
    public Optional<Found> find(String tokenHash) {
        return db.read(h -> h.createQuery("""
                        SELECT s.username, s.csrf_token, s.created_ms, s.seen_ms,
                               u.role, u.store_id, u.password_hash, u.disabled_ms, u.created_ms
                        FROM web_sessions s JOIN users u ON u.username = s.username
                        WHERE s.token_hash = :hash""")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> {
                    rs.getLong(8);
                    boolean disabled = !rs.wasNull();
                    UserAccounts.Account account = new UserAccounts.Account(rs.getString(1), Role.valueOf(rs.getString(5)),
                            Optional.ofNullable(rs.getString(6)), rs.getString(7), disabled, Instant.ofEpochMilli(rs.getLong(9)));
                    return new Found(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                            Instant.ofEpochMilli(rs.getLong(4)), account);
                })
                .findOne());
    }

    @Override
    public void touch(String tokenHash, Instant now) {
        db.write(tx -> tx.handle().createUpdate("UPDATE web_sessions SET seen_ms = :now WHERE token_hash = :hash")
                .bind("now", now.toEpochMilli()).bind("hash", tokenHash).execute());
    }

    @Override
    public void remove(String tokenHash) {
        db.write(tx -> tx.handle().createUpdate("DELETE FROM web_sessions WHERE token_hash = :hash").bind("hash", tokenHash).execute());
    }
}
