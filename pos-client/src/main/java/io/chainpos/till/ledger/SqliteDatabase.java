package io.chainpos.till.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * How the till opens its SQLite file: WAL so readers never block the counter, {@code synchronous=FULL} so a
 * committed sale survives a power cut, {@code BEGIN IMMEDIATE} so a write transaction takes the lock
 * before it reads what it decides on.
 */
final class SqliteDatabase {
    /**
     * The newest migration under {@code db/till}. A ledger already at it opens without Flyway (a third of a second of
     * class loading and classpath scanning at every start); {@code SchemaVersionTest} fails when a migration is added
     * and this is not raised with it.
     */
    static final int NEWEST_MIGRATION = 1980;
    /** Bytes the write-ahead log keeps after a checkpoint. */
    static final int JOURNAL_SIZE_LIMIT = 16 * 1024 * 1024;

    private SqliteDatabase() {
    }

    static SQLiteDataSource dataSource(Path file, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setBusyTimeout(10_000);
        // After a large transaction (a snapshot installed, a chain's keys fetched) the write-ahead log is cut back to
        // this size once it is checkpointed, instead of keeping the largest size it ever had.
        config.setJournalSizeLimit(JOURNAL_SIZE_LIMIT);
        // No statement here reads a generated key: without this the driver runs SELECT last_insert_rowid() after every
        // INSERT (more than half of each key's INSERT in a new till's profile).
        config.setGetGeneratedKeys(false);
        config.enforceForeignKeys(true);
        config.setReadOnly(readOnly);
        // Deleted rows (an erased member's key, a print job showing the person) are overwritten, not left in free pages.
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource;
    }

    /**
     * Brings the schema up to date. A ledger written by a newer program (a migration this one does not know) is
     * refused before anything is changed: this program could misread it or write what the newer one cannot read.
     */
    static void migrate(SQLiteDataSource dataSource) {
        flyway(dataSource).migrate();
    }

    /**
     * Whether the file's schema is at {@link #NEWEST_MIGRATION} with every migration applied, read from Flyway's own
     * history table through a plain read-only connection. False for a new file, an older or newer one, a failed
     * migration or a history that cannot be read: Flyway then decides ({@link #refuseNewer}, {@link #migrate}).
     */
    static boolean atNewest(Path file) {
        if (!Files.exists(file)) {
            return false;
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        SQLiteDataSource readOnly = new SQLiteDataSource(config);
        readOnly.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            return Jdbi.create(readOnly).withHandle(h -> h.createQuery("SELECT COUNT(*) FILTER (WHERE success = 0) = 0 "
                            + "AND MAX(CAST(version AS INTEGER)) = " + NEWEST_MIGRATION
                            + " FROM flyway_schema_history WHERE version IS NOT NULL")
                    .mapTo(Boolean.class).one());
        } catch (JdbiException e) {
            return false;
        }
    }

    /**
     * Refuses a ledger written by a newer program, looking through a plain read-only connection (no WAL switch, no
     * pragma), so that a refused file is not changed at all. A new file is left for {@link #migrate} to create.
     */
    static void refuseNewer(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        SQLiteDataSource readOnly = new SQLiteDataSource(config);
        readOnly.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        Flyway flyway = flyway(readOnly);
        for (MigrationInfo migration : flyway.info().applied()) {
            if (isFuture(migration)) {
                throw new LedgerException("this ledger was written by a newer version of ChainPOS (its schema is at version "
                        + flyway.info().current().getVersion() + ", this program knows up to " + newestKnown(flyway)
                        + "): install that version or a newer one; the ledger was not opened or changed", null);
            }
        }
    }

    private static Flyway flyway(SQLiteDataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/till")
                .loggers("slf4j")
                .load();
    }

    private static boolean isFuture(MigrationInfo migration) {
        return migration.getState() == MigrationState.FUTURE_SUCCESS || migration.getState() == MigrationState.FUTURE_FAILED;
    }

    private static String newestKnown(Flyway flyway) {
        String newest = "none";
        for (MigrationInfo migration : flyway.info().all()) {
            if (!isFuture(migration) && migration.getVersion() != null) {
                newest = migration.getVersion().toString();
            }
        }
        return newest;
    }
}
