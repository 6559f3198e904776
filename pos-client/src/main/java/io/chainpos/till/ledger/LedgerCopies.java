package io.chainpos.till.ledger;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * Copies of a ledger file: a consistent copy taken while the till sells ({@code VACUUM INTO} on a connection of its
 * own: a read transaction in WAL mode, so the counter's writes go on), and the check of a copy
 * ({@code PRAGMA integrity_check}, and that it holds a till's ledger at all).
 */
public final class LedgerCopies {
    private LedgerCopies() {
    }

    /** Writes a consistent copy of {@code ledger} to {@code target}, which must not exist yet. */
    public static void copy(Path ledger, Path target) throws IOException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + ledger.toAbsolutePath());
             PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, target.toAbsolutePath().toString());
            vacuum.execute();
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** What is wrong with the copy {@code file}: nothing when it is a whole, readable till ledger. */
    public static List<String> check(Path file) throws IOException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        List<String> problems = new ArrayList<>();
        try (Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
                while (rows.next()) {
                    if (!"ok".equals(rows.getString(1))) {
                        problems.add(rows.getString(1));
                    }
                }
            }
            try (ResultSet tables = statement.executeQuery(
                    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('ledger_events', 'till_identity')")) {
                if (tables.next() && tables.getInt(1) != 2) {
                    problems.add("not a till ledger (no ledger_events or till_identity table)");
                }
            }
        } catch (SQLException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    /** How many events of its own a ledger file holds (for what a copy holds, or a restore report). */
    public static long ownEvents(Path file) throws IOException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM ledger_events")) {
            return count.next() ? count.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
