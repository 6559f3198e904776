package io.chainpos.till.upgrade;

import static io.chainpos.till.testing.SyncedTill.cash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.model.json.EventCodec;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillProjections;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.LedgerException;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.SyncedTill;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A till ledger and a server database written by each released version (src/test/resources/fixtures/&lt;version&gt;,
 * kept from this release on) open with the current code: the migrations run, and the sales the ledger had not sent
 * reach the server. A ledger newer than the program is refused with a sentence and left as it was.
 *
 * <p>Each fixture holds a server database (chainpos.db) and the ledger of till S001-T1 (till.db) with
 * {@value #SYNCED} sales the server holds and {@value #UNSYNCED} it does not. A release adds its own with
 * {@code ./mvnw -B -pl pos-client -am test -Dtest=UpgradeFixturesTest#writeThisVersionsFixtures
 * -Dsurefire.failIfNoSpecifiedTests=false -Dchainpos.writeFixtures=<version>}.
 */
class UpgradeFixturesTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    static final int SYNCED = 2;
    static final int UNSYNCED = 3;
    static final String COLA = "100001";

    @TempDir
    Path dir;

    static Stream<String> releasedVersions() throws Exception {
        try (Stream<Path> versions = Files.list(FIXTURES)) {
            List<String> found = versions.filter(Files::isDirectory).map(v -> v.getFileName().toString()).sorted().toList();
            assertThat(found).as("fixtures kept from 0.1.0 on").contains("0.1.0");
            return found.stream();
        }
    }

    static long count(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    Path copy(String version, String file) throws Exception {
        Path target = Files.createDirectories(dir.resolve(version)).resolve(file);
        Files.copy(FIXTURES.resolve(version).resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @ParameterizedTest
    @MethodSource("releasedVersions")
    void aReleasedLedgerAndServerDatabaseOpenAndTheUnsyncedSalesArePushed(String version) throws Exception {
        Path database = copy(version, "chainpos.db");
        Path ledger = copy(version, "till.db");
        ManualClock clock = new ManualClock(Instant.parse("2026-12-20T03:00:00Z"));
        assertThat(count(database, "SELECT COUNT(*) FROM events WHERE type = 'SaleCompleted'")).isEqualTo(SYNCED);

        try (RealServer server = RealServer.startOn(database.toString(), clock, Duration.ofDays(30), false);
             SyncedTill till = SyncedTill.reopen(ledger, clock, server::uri)) {
            assertThat(till.till.ledger.syncMarks().pendingCount()).isPositive();
            till.sync();

            assertThat(till.till.ledger.syncMarks().pendingCount()).isZero();
            assertThat(count(database, "SELECT COUNT(*) FROM events WHERE type = 'SaleCompleted'")).isEqualTo(SYNCED + UNSYNCED);
            assertThat(count(database, "SELECT COUNT(*) FROM quarantine")).isZero();
            clock.advance(Duration.ofMinutes(1));
            till.sell(null, COLA, 1000, cash(1000));
            till.sync();
            assertThat(count(database, "SELECT COUNT(*) FROM events WHERE type = 'SaleCompleted'")).isEqualTo(SYNCED + UNSYNCED + 1);
        }
    }

    @Test
    void aLedgerNewerThanTheProgramIsRefusedWithASentenceAndLeftAsItWas() throws Exception {
        Path ledger = copy("0.1.0", "till.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ledger); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                    + "installed_by, installed_on, execution_time, success) VALUES ((SELECT MAX(installed_rank) + 1 FROM "
                    + "flyway_schema_history), '9999', 'from the future', 'SQL', 'V9999__from_the_future.sql', 1, 'till', "
                    + "'2030-01-01 00:00:00', 1, 1)");
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        byte[] before = digest(ledger);

        assertThatThrownBy(() -> Ledger.open(ledger, new ManualClock(Instant.parse("2026-12-20T03:00:00Z")),
                EventCodec.standard(), TillProjections.standard(EventCodec.standard())))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("this ledger was written by a newer version of ChainPOS")
                .hasMessageContaining("schema is at version 9999")
                .hasMessageContaining("install that version or a newer one");
        assertThat(digest(ledger)).as("the ledger was not changed").isEqualTo(before);
    }

    static byte[] digest(Path file) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }

    /** Writes this version's fixtures; run once per release (see the class comment), then commit them. */
    @Test
    @EnabledIfSystemProperty(named = "chainpos.writeFixtures", matches = "\\d+\\.\\d+\\.\\d+")
    void writeThisVersionsFixtures() throws Exception {
        Path target = Files.createDirectories(FIXTURES.resolve(System.getProperty("chainpos.writeFixtures")));
        ManualClock clock = new ManualClock(Instant.parse("2026-11-23T03:00:00Z"));
        Path work = Files.createDirectories(dir.resolve("work"));
        try (RealServer server = RealServer.startOn(work.resolve("chainpos.db").toString(), clock, Duration.ofDays(30), true)) {
            SyncedTill till = SyncedTill.enroll(work.resolve("till.db"), clock, server::uri, server.enrollmentCode("S001", "S001-T1"));
            till.sync();
            for (int i = 0; i < SYNCED + UNSYNCED; i++) {
                if (i == SYNCED) {
                    till.sync();
                }
                clock.advance(Duration.ofMinutes(1));
                till.sell(null, COLA, 1000, cash(1000));
            }
            till.close();
        }
        for (String file : List.of("chainpos.db", "till.db")) {
            Files.deleteIfExists(target.resolve(file));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + work.resolve(file)); Statement s = c.createStatement()) {
                s.executeUpdate("VACUUM INTO '" + target.resolve(file) + "'");
            }
        }
        System.out.println("fixtures written to " + target.toAbsolutePath() + ": " + HexFormat.of().formatHex(digest(target.resolve("till.db"))));
    }
}
