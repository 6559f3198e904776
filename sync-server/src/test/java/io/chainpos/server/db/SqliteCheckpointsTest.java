package io.chainpos.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's SQLite WAL is copied into the file by a checkpointer beside the writer, not by the writer's commits: after
 * a few megabytes written (far below the writer's own backstop) the WAL is found copied and started again.
 */
class SqliteCheckpointsTest {
    @TempDir
    Path dir;

    /**
     * The WAL header's checkpoint sequence number (bytes 12-15, big-endian): SQLite changes it each time a writer starts
     * the WAL again from its beginning, which it does only once every frame in it has been copied into the file. Read
     * from the file, so looking does not checkpoint.
     */
    private static int walRestarts(Path wal) throws Exception {
        byte[] header = new byte[16];
        try (var in = Files.newInputStream(wal)) {
            assertThat(in.readNBytes(header, 0, 16)).isEqualTo(16);
        }
        return java.nio.ByteBuffer.wrap(header).getInt(12);
    }

    /** The storage's database with an empty table to fill. */
    private static Database withFiller(Storage storage) {
        Database db = storage.database();
        db.write(tx -> {
            tx.handle().execute("CREATE TABLE filler (n INTEGER PRIMARY KEY, text TEXT NOT NULL)");
            return null;
        });
        return db;
    }

    private static Void fill(Database.Tx tx, int n, String text) {
        tx.handle().execute("INSERT INTO filler (n, text) VALUES (?, ?)", n, text);
        return null;
    }

    @Test
    void theWalIsCopiedIntoTheFileBesideTheWriter() throws Exception {
        Path file = dir.resolve("server.db");
        try (Storage storage = Storage.open(file.toString())) {
            Database db = withFiller(storage);
            for (int batch = 0; batch < 20; batch++) {
                int from = batch * 500;
                db.write(tx -> {
                    for (int n = from; n < from + 500; n++) {
                        fill(tx, n, "x".repeat(400));
                    }
                    return null;
                });
            }
            assertThat(Files.size(dir.resolve("server.db-wal"))).as("written through the WAL").isGreaterThan(1_000_000);

            Path wal = dir.resolve("server.db-wal");
            int restarts = walRestarts(wal);
            // Far below the writer's own checkpoint (32,000 pages): only the checkpointer can have copied the WAL, and
            // then the next write starts it again.
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int probe = 1_000_000;
            while (walRestarts(wal) == restarts && System.nanoTime() < deadline) {
                Thread.sleep(100);
                int n = probe++;
                db.write(tx -> fill(tx, n, "probe"));
            }
            assertThat(walRestarts(wal)).as("the WAL copied into the file and started again, with no checkpoint by the writer")
                    .isNotEqualTo(restarts);
        }
    }

    @Test
    void aScrubTruncatesTheWalWhileTheCheckpointerRuns() throws Exception {
        Path file = dir.resolve("server.db");
        try (Storage storage = Storage.open(file.toString())) {
            Database db = withFiller(storage);
            // Each scrub lands at another moment of the checkpointer's 250 ms: none may find it busy and leave the WAL.
            for (int round = 0; round < 40; round++) {
                int n = round;
                db.write(tx -> fill(tx, n, "x".repeat(3000)));
                Thread.sleep(n * 7 % 60);
                db.scrub(java.util.List.of("filler"));
                assertThat(Files.size(dir.resolve("server.db-wal"))).as("round %d: the WAL truncated", round).isZero();
            }
        }
    }
}
