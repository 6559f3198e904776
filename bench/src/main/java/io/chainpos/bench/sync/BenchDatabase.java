package io.chainpos.bench.sync;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database for one benchmark run: a SQLite file in a fresh folder, or a database on a PostgreSQL the
 * benchmark starts itself (embedded, durable: fsync and synchronous_commit on, as a production server).
 */
final class BenchDatabase implements AutoCloseable {
    private final String url;
    private final EmbeddedPostgres postgres;
    private final Path folder;

    /** Whether a kept SQLite file or PostgreSQL folder already holds a loaded chain. */
    static boolean loaded(Path kept) {
        return Files.isRegularFile(kept) || Files.exists(kept.resolve("PG_VERSION"));
    }

    /** A SQLite file kept after the run (folder null: nothing is deleted on close), to measure it again later. */
    static BenchDatabase keptSqlite(Path file) {
        return new BenchDatabase(file.toString(), null, null);
    }

    /**
     * A PostgreSQL whose data folder is kept after the run (to measure it again later without loading it again), with
     * the memory a server of its own would be given: {@code shared_buffers} 2 GB, {@code effective_cache_size} 8 GB,
     * {@code work_mem} 32 MB. A first run creates the folder and its database; a later run starts on them.
     */
    static BenchDatabase keptPostgres(Path dataFolder) {
        try {
            boolean existing = Files.exists(dataFolder.resolve("PG_VERSION"));
            EmbeddedPostgres postgres = durable(dataFolder, false)
                    .setServerConfig("shared_buffers", "2GB")
                    .setServerConfig("effective_cache_size", "8GB")
                    .setServerConfig("work_mem", "32MB")
                    .setServerConfig("max_wal_size", "8GB")
                    .start();
            if (!existing) {
                try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE chainpos");
                }
            }
            return new BenchDatabase(postgres.getJdbcUrl("postgres", "chainpos"), postgres, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private BenchDatabase(String url, EmbeddedPostgres postgres, Path folder) {
        this.url = url;
        this.postgres = postgres;
        this.folder = folder;
    }

    static BenchDatabase open(String kind) {
        try {
            Path folder = Files.createTempDirectory("chainpos-bench-");
            if (kind.equals("sqlite")) {
                return new BenchDatabase(folder.resolve("chainpos.db").toString(), null, folder);
            }
            EmbeddedPostgres postgres = durable(folder.resolve("pg"), true).start();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE chainpos");
            }
            return new BenchDatabase(postgres.getJdbcUrl("postgres", "chainpos"), postgres, folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An embedded PostgreSQL in {@code dataFolder} that commits durably, as a production server. */
    private static EmbeddedPostgres.Builder durable(Path dataFolder, boolean clean) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataFolder)
                .setCleanDataDirectory(clean)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100");
    }

    /** What {@code --db} would be given: the SQLite path or the PostgreSQL JDBC URL. */
    String spec() {
        return url;
    }

    /** A JDBC URL for a plain connection (the raw-insert baseline). */
    String jdbcUrl() {
        return jdbcUrl(url);
    }

    /**
     * Another database beside this one, on the same disk and (PostgreSQL) the same server, so a paired baseline
     * sees the same fsync at the same moments: its {@code --db} spec.
     */
    String sibling(String name) {
        if (postgres == null) {
            return folder.resolve(name + ".db").toString();
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    /** The plain JDBC URL of a spec {@link #sibling} gave (batched inserts rewritten on PostgreSQL). */
    String jdbcUrl(String spec) {
        return postgres == null ? "jdbc:sqlite:" + spec : spec + "&reWriteBatchedInserts=true";
    }

    boolean isPostgres() {
        return postgres != null;
    }

    @Override
    public void close() {
        try {
            if (postgres != null) {
                postgres.close();
            }
            if (folder == null) {
                return;
            }
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
