package io.chainpos.server.db;

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
 * A consistent copy of the server's SQLite file while it serves: {@code VACUUM INTO} on a read-only connection of its
 * own is one read transaction (WAL mode), so the server goes on storing pushes meanwhile; then the copy is checked.
 */
public final class SqliteBackup {
    /** A finished, checked copy: how many events it holds. */
    public record Copy(long events) {
    }

    private SqliteBackup() {
    }

    public static void copy(Path database, Path target) throws IOException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(30_000);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + database.toAbsolutePath());
             PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, target.toAbsolutePath().toString());
            vacuum.execute();
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** What {@code PRAGMA integrity_check} finds wrong with {@code copy} (nothing when whole), and its events. */
    public static List<String> check(Path copy) throws IOException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        List<String> problems = new ArrayList<>();
        try (Connection connection = config.createConnection("jdbc:sqlite:" + copy.toAbsolutePath());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
            while (rows.next()) {
                if (!"ok".equals(rows.getString(1))) {
                    problems.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    public static Copy describe(Path copy) throws IOException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + copy.toAbsolutePath());
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM events")) {
            return new Copy(count.next() ? count.getLong(1) : 0);
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
