package io.chainpos.server.store;

import io.chainpos.model.json.EventCodec;
import io.chainpos.server.auth.AccountStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/** Opens the server's database from the {@code --db} option: a SQLite file path, or (later) a PostgreSQL URL. */
public final class Storage implements AutoCloseable {
    private final EventStore events;
    private final AccountStore accounts;
    private final AutoCloseable database;

    private Storage(EventStore events, AccountStore accounts, AutoCloseable database) {
        this.events = events;
        this.accounts = accounts;
        this.database = database;
    }

    /** The {@code --db} value names a database this build cannot open. */
    public static final class UnsupportedDatabase extends RuntimeException {
        UnsupportedDatabase(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Opens (creating and migrating if needed) the database {@code spec} names.
     *
     * @throws UnsupportedDatabase for a PostgreSQL URL or any other JDBC URL but SQLite's
     */
    public static Storage open(String spec, Clock clock, EventCodec codec) {
        String lower = spec.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:") || lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
            throw new UnsupportedDatabase("PostgreSQL support is not built yet; for now use a SQLite file, "
                    + "for example --db chainpos.db");
        }
        Path file;
        if (lower.startsWith("jdbc:sqlite:")) {
            file = Path.of(spec.substring("jdbc:sqlite:".length()));
        } else if (lower.startsWith("jdbc:")) {
            throw new UnsupportedDatabase("unknown database URL " + spec + "; use a SQLite file path");
        } else {
            file = Path.of(spec);
        }
        SqliteDatabase db = SqliteDatabase.open(file);
        return new Storage(new SqliteEventStore(db, codec, clock), new SqliteAccountStore(db), db);
    }

    public EventStore events() {
        return events;
    }

    public AccountStore accounts() {
        return accounts;
    }

    @Override
    public void close() {
        try {
            database.close();
        } catch (Exception e) {
            throw new StorageFailure("cannot close the database", e);
        }
    }
}
