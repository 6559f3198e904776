package io.chainpos.server.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.Ports;
import io.chainpos.server.db.Storage;
import io.chainpos.server.testing.Json;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database of the release before V256, where the merge of two members with one phone was published after the push
 * and a server stopped in between never published it: the upgrade notes the phones still held by two survivors, and only
 * those, so the first round after it publishes their merges.
 */
class PhoneDuplicatesUpgradeTest {
    @TempDir
    Path dir;

    @Test
    void theUpgradeNotesThePhonesTwoUnmergedMembersStillHold() throws SQLException {
        Path file = dir.resolve("chainpos.db");
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/sqlite").target("255").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            // As the member projection left them: h1 held by two unmerged members (a merge never published), h2 by two
            // merged ones, h3 by one; a name is not a phone.
            s.executeUpdate("""
                    INSERT INTO member_fields (member_id, field, value, hlc, till_id, event_id) VALUES
                    ('m-a', 'phoneHash', 'h1', 1, 'S001-T1', 'e1'), ('m-b', 'phoneHash', 'h1', 2, 'S002-T1', 'e2'),
                    ('m-c', 'phoneHash', 'h2', 3, 'S001-T1', 'e3'), ('m-d', 'phoneHash', 'h2', 4, 'S002-T1', 'e4'),
                    ('m-e', 'phoneHash', 'h3', 5, 'S001-T1', 'e5'), ('m-a', 'name', 'h3', 6, 'S001-T1', 'e6')""");
            s.executeUpdate("INSERT INTO member_aliases (merged_id, survivor_id) VALUES ('m-d', 'm-c')");
        }

        try (Storage storage = Storage.open(file.toString())) {
            PhoneDuplicates noted = Ports.on(storage, Json.CODEC, new ManualClock(Instant.parse("2026-12-07T00:00:00Z")))
                    .phoneDuplicates();
            assertThat(noted.noted(10)).containsExactly(new PhoneDuplicates.Note("h1", "e2"));
        }
    }
}
