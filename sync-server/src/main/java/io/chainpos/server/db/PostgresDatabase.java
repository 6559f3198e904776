package io.chainpos.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.SQLException;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL database shared by any number of server nodes: a pool of connections, each write its own
 * READ COMMITTED transaction. Rows several writers touch are locked in a fixed order (a till's mark, then
 * projection rows sorted by key, then the log head last), and a transaction that still loses a race is
 * rolled back and run again.
 */
final class PostgresDatabase implements Database {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresDatabase.class);
    private static final int ATTEMPTS = 20;

    private final HikariDataSource pool;
    private final Jdbi jdbi;

    private PostgresDatabase(HikariDataSource pool) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
    }

    /** A pool of {@code settings}' URL, user, password and size, named {@code name}. */
    static HikariConfig pool(DatabaseSettings settings, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName(name);
        return config;
    }

    static PostgresDatabase open(DatabaseSettings settings) {
        HikariConfig config = pool(settings, "postgres");
        // One multi-row INSERT per batch instead of one round trip per event: the ingest path's main saving.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setInitializationFailTimeout(settings.connectTimeout().toMillis());
        config.setConnectionTimeout(Math.max(250, settings.connectTimeout().toMillis()));
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException | IllegalArgumentException e) {
            throw new StorageFailure("cannot connect to PostgreSQL at " + settings.redactedUrl() + ": " + rootMessage(e), e);
        }
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration/postgresql")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new StorageFailure("cannot migrate the PostgreSQL database " + settings.redactedUrl() + ": " + rootMessage(e), e);
        }
        return new PostgresDatabase(pool);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public <T> T write(Function<Tx, T> work) {
        return write(work, false);
    }

    /** {@code synchronous_commit = off} for this transaction only: its commit does not wait for the WAL's flush. */
    @Override
    public <T> T writeUnforced(Function<Tx, T> work) {
        return write(work, true);
    }

    private <T> T write(Function<Tx, T> work, boolean unforced) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, handle -> {
                    if (unforced) {
                        handle.execute("SET LOCAL synchronous_commit = off");
                    }
                    try (SqlSession sql = new SqlSession(handle.getConnection())) {
                        return work.apply(new Tx(handle, sql));
                    }
                });
            } catch (RuntimeException e) {
                SQLException cause = sqlCause(e);
                if (cause == null || !Dialect.POSTGRESQL.isRetryable(cause) || attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.atDebug().setMessage("write_retried").addKeyValue("attempt", attempt)
                        .addKeyValue("sql_state", cause.getSQLState()).log();
            }
        }
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    @Override
    public <T> T read(Function<Handle, T> work) {
        return jdbi.withHandle(work::apply);
    }

    @Override
    public <T> T readConsistent(Function<Handle, T> work) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            handle.execute("SET TRANSACTION READ ONLY");
            return work.apply(handle);
        });
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    /**
     * Reclaims the dead row versions an erasure left (PostgreSQL keeps them until a vacuum): VACUUM runs outside
     * any transaction, on its own connection.
     */
    @Override
    public void scrub(java.util.List<String> tables) {
        jdbi.useHandle(h -> tables.forEach(table -> h.execute("VACUUM " + table)));
    }

    @Override
    public void close() {
        pool.close();
    }
}
