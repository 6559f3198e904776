package io.chainpos.server.web;

import io.chainpos.server.db.Database;
import java.time.Clock;
import java.time.Duration;

/** Used one-time form tokens in the database, so two server nodes given the same form twice act once between them. */
public final class JdbcFormTokens implements FormTokens {
    /** A form older than this can no longer be told apart from a new one; nobody keeps a form open for a week. */
    private static final Duration KEPT = Duration.ofDays(7);

    private final Database db;
    private final Clock clock;

    public JdbcFormTokens(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public boolean use(String token) {
        long now = clock.millis();
        return db.write(tx -> {
            tx.handle().createUpdate("DELETE FROM used_form_tokens WHERE used_ms < :old").bind("old", now - KEPT.toMillis()).execute();
            return tx.handle().createUpdate("INSERT INTO used_form_tokens (token, used_ms) VALUES (:token, :now) ON CONFLICT (token) DO NOTHING")
                    .bind("token", token).bind("now", now).execute() == 1;
        });
    }

    @Override
    public void release(String token) {
        db.write(tx -> tx.handle().createUpdate("DELETE FROM used_form_tokens WHERE token = :token").bind("token", token).execute());
    }
}
