package io.chainpos.server.testing;

import static org.awaitility.Awaitility.await;

import io.chainpos.server.db.Storage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Two embedded PostgreSQL servers, the second a logical replica of the first, set up as README's operations
 * section tells an operator to: the replica's schema from the server's own migrations, emptied of what those
 * migrations seed, then subscribed to a publication of every table but Flyway's history (each side keeps its
 * own). The test binaries have no {@code pg_basebackup}, so physical streaming replication is not an option
 * here; logical replication needs nothing but the server.
 */
public final class LogicalReplica implements AutoCloseable {
    public static final String PUBLICATION = "chainpos_reports";
    private final EmbeddedPostgres primary;
    private EmbeddedPostgres replica;

    private LogicalReplica(EmbeddedPostgres primary, EmbeddedPostgres replica) {
        this.primary = primary;
        this.replica = replica;
    }

    /** Starts both servers and gives the replica the schema; {@link #subscribe()} once the primary is migrated. */
    public static LogicalReplica start() {
        try {
            EmbeddedPostgres primary = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "4")
                    .setServerConfig("max_wal_senders", "4")
                    .start();
            EmbeddedPostgres replica = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
            LogicalReplica pair = new LogicalReplica(primary, replica);
            Storage.open(pair.replicaUrl()).close(); // the same migrations the server runs on its primary
            try (Connection c = DriverManager.getConnection(pair.replicaUrl()); Statement s = c.createStatement()) {
                s.execute("TRUNCATE " + String.join(", ", tables(c))); // the rows migrations seed arrive from the primary
            }
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL pair", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the replica", e);
        }
    }

    public String primaryUrl() {
        return primary.getJdbcUrl("postgres", "postgres");
    }

    public String replicaUrl() {
        return replica.getJdbcUrl("postgres", "postgres");
    }

    /** Publishes every table of the migrated primary and subscribes the replica; returns once the first copy is done. */
    public void subscribe() {
        try (Connection p = DriverManager.getConnection(primaryUrl()); Statement s = p.createStatement()) {
            // The partitioned log (V250) published as its root: each side keeps its own months.
            s.execute("CREATE PUBLICATION " + PUBLICATION + " FOR TABLE " + String.join(", ", tables(p))
                    + " WITH (publish_via_partition_root = true)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot publish the primary's tables", e);
        }
        onReplica("CREATE SUBSCRIPTION " + PUBLICATION + " CONNECTION 'host=localhost port=" + primary.getPort()
                + " dbname=postgres user=postgres' PUBLICATION " + PUBLICATION);
        await().atMost(Duration.ofSeconds(60)).until(() -> replicaLong(
                "SELECT COUNT(*) FROM pg_subscription_rel WHERE srsubstate <> 'r'") == 0);
    }

    /** Holds (false) or lets through (true) what the primary commits, as a slow or paused replica would. */
    public void applying(boolean on) {
        onReplica("ALTER SUBSCRIPTION " + PUBLICATION + (on ? " ENABLE" : " DISABLE"));
    }

    /** Waits until the replica has applied everything the primary's log holds. */
    public void awaitCaughtUp() {
        long head = longOn(primaryUrl(), "SELECT last_seq FROM log_head");
        // What the reports read is the replica's read models: the projections' head, which follows the log's on the primary.
        await().atMost(Duration.ofSeconds(60)).until(() -> replicaLong("SELECT projected_seq FROM projector_head") >= head);
    }

    public void onReplica(String sql) {
        try (Connection c = DriverManager.getConnection(replicaUrl()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("on the replica: " + sql, e);
        }
    }

    public long replicaLong(String sql) {
        return longOn(replicaUrl(), sql);
    }

    public long primaryLong(String sql) {
        return longOn(primaryUrl(), sql);
    }

    /** Stops the replica's server, as a crash or maintenance would. */
    public void stopReplica() {
        try {
            replica.close();
            replica = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long longOn(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The server's tables: every table of the public schema but Flyway's history. */
    private static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                  AND c.relname <> 'flyway_schema_history'
                ORDER BY c.relname""")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Override
    public void close() {
        try {
            if (replica != null) {
                onReplica("DROP SUBSCRIPTION " + PUBLICATION);
                replica.close();
            }
            primary.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
