package io.chainpos.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.ServerMain;
import io.chainpos.server.testing.Facts;
import io.chainpos.server.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sync-server backup} copies the SQLite database while a till keeps pushing to the running server. */
class BackupCommandTest {
    @TempDir
    Path dir;
    TestServer server;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        server = TestServer.start(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    int run(String... args) {
        CommandLine commands = Commands.commandLine(new ServerMain(new ManualClock(TestServer.START), new Random(3)),
                new ByteArrayInputStream(new byte[0]));
        commands.setOut(new PrintWriter(out, true));
        commands.setErr(new PrintWriter(err, true));
        return commands.execute(args);
    }

    long events(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM events")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aBackupTakenWhileATillPushesIsWholeAndHoldsWhatWasStored() throws Exception {
        TestServer.EnrolledTill till = server.enroll("S001", "S001-T1");
        AtomicBoolean pushing = new AtomicBoolean(true);
        AtomicReference<String> failure = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(5);
        Thread pusher = Thread.ofPlatform().name("pusher").start(() -> {
            int n = 0;
            while (pushing.get() && failure.get() == null) {
                var reply = till.push(till.writer().next(List.of(Facts.points(Facts.member(n++ % 50), 1),
                        Facts.points(Facts.member(n++ % 50), 2))));
                if (reply.status() != 200) {
                    failure.set(reply.status() + " " + reply.body());
                }
                started.countDown();
            }
        });
        assertThat(started.await(1, TimeUnit.MINUTES)).isTrue();

        long before = events(server.database);
        int exit = run("backup", "--db", server.database.toString(), "--to", dir.resolve("backup.db").toString());
        long after = events(server.database);
        pushing.set(false);
        pusher.join();

        assertThat(exit).as(err.toString()).isZero();
        assertThat(failure.get()).as("every push was stored while backing up").isNull();
        Path copy = dir.resolve("backup.db");
        long copied = events(copy);
        assertThat(copied).isBetween(before, after);
        assertThat(out.toString()).contains("backed up", copied + " events, integrity ok");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
        assertThat(dir.resolve("backup.db.partial")).doesNotExist();
    }

    @Test
    void itNeverOverwritesAFileAndSendsPostgresToItsOwnTools() throws Exception {
        Path existing = Files.writeString(dir.resolve("yesterday.db"), "yesterday's backup");

        int overwrite = run("backup", "--db", server.database.toString(), "--to", existing.toString());
        int postgres = run("backup", "--db", "jdbc:postgresql://db.example:5432/chainpos", "--to", dir.resolve("x.db").toString());
        int missing = run("backup", "--db", dir.resolve("nothing.db").toString(), "--to", dir.resolve("y.db").toString());

        assertThat(overwrite).isEqualTo(Commands.REFUSED);
        assertThat(existing).content().isEqualTo("yesterday's backup");
        assertThat(postgres).isEqualTo(Commands.REFUSED);
        assertThat(missing).isEqualTo(Commands.DATABASE_UNAVAILABLE);
        assertThat(err.toString()).contains("never overwrites", "pg_dump", "no database file at");
        assertThat(dir.resolve("nothing.db")).as("no database is made by a backup").doesNotExist();
    }
}
