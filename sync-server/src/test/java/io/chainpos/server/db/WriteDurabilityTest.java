package io.chainpos.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.server.testing.EmbeddedDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A write is forced to disk before it returns; an unforced write (the projections, a till's last contact) commits
 * and is seen at once without waiting for the disk, and leaves the writes after it forced again, even when it failed.
 * Read from each database's own setting inside the transaction.
 */
class WriteDurabilityTest {
    @TempDir
    Path dir;

    private Storage open(String kind) {
        return "sqlite".equals(kind) ? Storage.open(dir.resolve("server.db").toString())
                : Storage.open(DatabaseSettings.of(EmbeddedDatabase.newDatabase()).withPoolSize(2));
    }

    /** SQLite's {@code synchronous} (2 FULL, 1 NORMAL) or PostgreSQL's {@code synchronous_commit} as the transaction runs. */
    private static String setting(Database db, Database.Tx tx) {
        return db.dialect() == Dialect.SQLITE
                ? String.valueOf(tx.handle().createQuery("PRAGMA synchronous").mapTo(Integer.class).one())
                : tx.handle().createQuery("SHOW synchronous_commit").mapTo(String.class).one();
    }

    private static String inWrite(Database db) {
        return db.write(tx -> setting(db, tx));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aWriteWaitsForTheDiskAndAnUnforcedOneDoesNot(String kind) {
        try (Storage storage = open(kind)) {
            Database db = storage.database();
            String forced = db.dialect() == Dialect.SQLITE ? "2" : "on";
            String unforced = db.dialect() == Dialect.SQLITE ? "1" : "off";

            assertThat(inWrite(db)).isEqualTo(forced);
            String inUnforced = db.writeUnforced(tx -> {
                tx.handle().execute("UPDATE projector_head SET found_through = 7 WHERE id = 1");
                return setting(db, tx);
            });
            assertThat(inUnforced).isEqualTo(unforced);
            long seen = db.read(h -> h.createQuery("SELECT found_through FROM projector_head WHERE id = 1").mapTo(Long.class).one());
            assertThat(seen).as("committed and seen by a reader at once").isEqualTo(7L);
            assertThat(inWrite(db)).as("the next write is forced again").isEqualTo(forced);

            assertThatThrownBy(() -> db.writeUnforced(tx -> {
                throw new IllegalStateException("a projection failed");
            })).hasMessageContaining("a projection failed");
            assertThat(inWrite(db)).as("forced again after an unforced write failed").isEqualTo(forced);
        }
    }

    @org.junit.jupiter.api.Test
    void sqlitesWriterKeepsALargerPageCacheAndTemporaryFilesInMemoryAndCheckpointsOnlyAsABackstop() {
        try (Storage storage = open("sqlite")) {
            Database db = storage.database();
            long cache = db.write(tx -> tx.handle().createQuery("PRAGMA cache_size").mapTo(Long.class).one());
            long checkpoint = db.write(tx -> tx.handle().createQuery("PRAGMA wal_autocheckpoint").mapTo(Long.class).one());
            long tempStore = db.write(tx -> tx.handle().createQuery("PRAGMA temp_store").mapTo(Long.class).one());
            assertThat(cache).as("64 MiB, in KiB").isEqualTo(-65_536L);
            assertThat(checkpoint).as("WAL pages; below that the checkpointer copies them (SqliteCheckpointsTest)").isEqualTo(32_000L);
            assertThat(tempStore).as("MEMORY").isEqualTo(2L);
        }
    }
}
