package io.chainpos.server.db;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens the server's database from the {@code --db} option: a SQLite file path, or a PostgreSQL JDBC URL.
 * The features' adapters are built on its {@link #database()} by the composition root; the log and the sync path on
 * {@link #direct()}.
 */
public final class Storage implements AutoCloseable {
    private final Database database;
    private final KeyRing keys;
    private final ReplicaReads replica;
    /** What brings the projections up to the log before a feature reads; set by whoever builds the log's projector. */
    /** What brings the projections up to the log before a read ([0]), and fully before a scrub ([1]). */
    private final java.util.concurrent.atomic.AtomicReferenceArray<Runnable> catchUp;
    private final Database caughtUp;

    private Storage(Database database, KeyRing keys) {
        this(database, keys, null, new java.util.concurrent.atomic.AtomicReferenceArray<>(new Runnable[] {() -> { }, () -> { }}));
    }

    private Storage(Database database, KeyRing keys, ReplicaReads replica,
                    java.util.concurrent.atomic.AtomicReferenceArray<Runnable> catchUp) {
        this.database = database;
        this.keys = keys;
        this.replica = replica;
        this.catchUp = catchUp;
        this.caughtUp = new CaughtUpDatabase(database, () -> catchUp.get(0).run(), () -> catchUp.get(1).run());
    }

    /**
     * From now on, {@link #database()} runs {@code forReads} before each use (the projections follow the log behind the
     * pushes, and a feature reading one must see what was committed before it asked) and {@code fully} before a scrub.
     */
    public void projectionsCaughtUpBy(Runnable forReads, Runnable fully) {
        this.catchUp.set(0, forReads);
        this.catchUp.set(1, fully);
    }

    /**
     * This database with head office's reports read from the PostgreSQL replica {@code readDb} names
     * ({@code --read-db}), and from this primary while the replica cannot be reached.
     *
     * @throws UnsupportedDatabase when this database is not PostgreSQL or {@code readDb} is not a PostgreSQL URL
     */
    public Storage withReadReplica(DatabaseSettings readDb, java.time.Clock clock) {
        if (database.dialect() != Dialect.POSTGRESQL) {
            throw new UnsupportedDatabase("--read-db needs a PostgreSQL primary (--db jdbc:postgresql://...): "
                    + "a SQLite file has no replica");
        }
        if (replica != null) {
            throw new IllegalStateException("a read replica is already open");
        }
        return new Storage(database, keys, ReplicaReads.open(readDb, database, clock), catchUp);
    }

    /** What head office's reports read: the read replica when there is one, else this database. */
    public ReportReads reports() {
        return replica == null ? caughtUp : replica;
    }

    /** The read replica, when the server has one. */
    public java.util.Optional<ReplicaReads> replica() {
        return java.util.Optional.ofNullable(replica);
    }

    /** The {@code --db} value names a database this build cannot open. */
    public static final class UnsupportedDatabase extends RuntimeException {
        UnsupportedDatabase(String message) {
            super(message, null, false, false);
        }
    }

    /** Opens {@code spec} with default settings; see {@link #open(DatabaseSettings)}. */
    public static Storage open(String spec) {
        return open(DatabaseSettings.of(spec));
    }

    /**
     * Opens (creating and migrating if needed) the database the settings name: a {@code jdbc:postgresql://}
     * URL, or a SQLite file given as a path or a {@code jdbc:sqlite:} URL.
     *
     * @throws UnsupportedDatabase for any other URL
     * @throws StorageFailure when the database cannot be reached, opened or migrated
     */
    public static Storage open(DatabaseSettings settings) {
        // The key file first: a server that cannot open its members' secrets should not start at all.
        KeyRing keys;
        try {
            keys = settings.keyFile() == null ? KeyRing.none() : KeyRing.fromFile(settings.keyFile());
        } catch (KeyRing.BadKeyFile e) {
            throw new StorageFailure(e.getMessage(), e);
        }
        String spec = settings.url();
        String lower = spec.toLowerCase(Locale.ROOT);
        if (settings.isPostgres()) {
            return new Storage(PostgresDatabase.open(settings), keys);
        }
        if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
            throw new UnsupportedDatabase("give PostgreSQL as a JDBC URL: jdbc:postgresql://host:5432/database "
                    + "(the user and password with --db-user and the CHAINPOS_DB_PASSWORD environment variable)");
        }
        Path file;
        if (lower.startsWith("jdbc:sqlite:")) {
            file = Path.of(spec.substring("jdbc:sqlite:".length()));
        } else if (lower.startsWith("jdbc:")) {
            throw new UnsupportedDatabase("unknown database URL " + settings.redactedUrl()
                    + "; use a SQLite file path or a jdbc:postgresql:// URL");
        } else {
            file = Path.of(spec);
        }
        return new Storage(SqliteDatabase.open(file), keys);
    }

    /** The database as features use it: the projections caught up with the log before each read or write. */
    public Database database() {
        return caughtUp;
    }

    /**
     * The database itself, for the log and the sync path (a push, a pull, a till's token, its contact): they read the
     * log, not the projections, and must never wait for the projections to catch up.
     */
    public Database direct() {
        return database;
    }

    /** The keys that wrap the secrets this database keeps at rest; {@link KeyRing#none()} without a key file. */
    public KeyRing keys() {
        return keys;
    }

    /** Which kind of database this is, for logs and metrics: {@code sqlite} or {@code postgresql}. */
    public String kind() {
        return database.dialect().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        if (replica != null) {
            replica.close();
        }
        database.close();
    }
}
