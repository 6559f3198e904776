package io.chainpos.server.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL per test JVM, started on first use by the tests themselves (no Docker, no
 * install), and a fresh database on it per test. Stopped when the JVM exits.
 */
public final class EmbeddedDatabase {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private EmbeddedDatabase() {
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        // Tests kill server processes, never PostgreSQL or the machine: a commit in the operating
                        // system's cache is as good as on disk for them, and creating databases gets fast.
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("max_connections", "300")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "embedded-postgres-stop"));
        }
        return postgres;
    }

    /**
     * A JDBC URL (user included) of a new, empty database of the server's own: a schema of its own in one
     * shared database, which is created in a moment where CREATE DATABASE takes most of a second.
     */
    public static String newDatabase() {
        String schema = "chainpos_" + DATABASES.incrementAndGet();
        EmbeddedPostgres pg = postgres();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema, e);
        }
        return pg.getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema;
    }

    /** The embedded server's port, for a test that connects to it some other way. */
    public static int port() {
        return postgres().getPort();
    }
}
