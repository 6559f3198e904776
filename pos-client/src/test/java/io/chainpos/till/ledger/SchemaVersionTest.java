package io.chainpos.till.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.json.EventCodec;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillProjections;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ledger at the newest schema opens without Flyway; anything else goes through it. */
class SchemaVersionTest {
    @TempDir
    Path dir;

    @Test
    void theNewestMigrationTheLedgerKnowsIsTheNewestUnderDbTill() {
        Flyway flyway = Flyway.configure().dataSource("jdbc:sqlite:" + dir.resolve("empty.db"), null, null)
                .locations("classpath:db/till").load();
        int newest = 0;
        for (MigrationInfo migration : flyway.info().all()) {
            newest = Math.max(newest, Integer.parseInt(migration.getVersion().getVersion()));
        }

        assertThat(SqliteDatabase.NEWEST_MIGRATION)
                .as("SqliteDatabase.NEWEST_MIGRATION must name the newest migration, or ledgers would skip it")
                .isEqualTo(newest);
    }

    @Test
    void onlyALedgerWithEveryMigrationAppliedIsAtTheNewest() throws Exception {
        Path file = dir.resolve("till.db");
        assertThat(SqliteDatabase.atNewest(file)).as("no file yet").isFalse();
        Ledger.open(file, new ManualClock(Instant.parse("2026-12-06T08:00:00Z")), EventCodec.standard(),
                TillProjections.standard(EventCodec.standard())).close();
        assertThat(SqliteDatabase.atNewest(file)).as("just created").isTrue();

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE flyway_schema_history SET success = 0 WHERE version = '1'");
        }
        assertThat(SqliteDatabase.atNewest(file)).as("a failed migration in its history").isFalse();

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE flyway_schema_history SET success = 1");
            s.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '" + SqliteDatabase.NEWEST_MIGRATION + "'");
        }
        assertThat(SqliteDatabase.atNewest(file)).as("one migration behind").isFalse();
    }
}
