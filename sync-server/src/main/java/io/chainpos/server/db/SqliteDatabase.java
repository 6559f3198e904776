package io.chainpos.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One SQLite file: WAL with {@code synchronous=FULL}, so a commit is on disk before the server answers (an
 * {@linkplain #writeUnforced unforced} write's is on disk with the next forced one);
 * one writer connection behind a lock (SQLite has one writer anyway, and this keeps its statements
 * prepared), and a small pool of readers that WAL lets run beside it.
 */
final class SqliteDatabase implements Database {
    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final int READERS = 4;
    private static final int SCRUB_ATTEMPTS = 20;

    private final HikariDataSource readers;
    private final Jdbi readJdbi;
    private final Handle writer;
    private final SqlSession writerSql;
    private final ReentrantLock writeLock = new ReentrantLock();

    private final Handle checkpoints;
    /** One checkpoint at a time in this process: SQLite refuses a second at once instead of waiting for it. */
    private final ReentrantLock checkpointing = new ReentrantLock();
    private final Thread checkpointer;
    private volatile boolean closed;

    private SqliteDatabase(HikariDataSource readers, Handle writer, Handle checkpoints) {
        this.readers = readers;
        this.readJdbi = Jdbi.create(readers);
        this.writer = writer;
        this.writerSql = new SqlSession(writer.getConnection());
        this.checkpoints = checkpoints;
        this.checkpointer = Thread.ofPlatform().daemon().name("sqlite-checkpoints").start(this::checkpointEvery);
    }

    /**
     * Copies the WAL into the main file every {@link SqliteTuning#CHECKPOINT_EVERY} on a connection of its own, beside
     * the writer: a passive checkpoint takes no write lock, so pushes and the projector go on writing while the pages are
     * copied and the file synced (done by the writer's commit instead, they waited for it). Once the WAL is all copied and
     * no reader is in it, the next write starts it again from the beginning, so it stays small.
     */
    private void checkpointEvery() {
        while (!closed) {
            try {
                Thread.sleep(SqliteTuning.CHECKPOINT_EVERY);
                checkpointing.lock();
                try {
                    checkpoints.createQuery("PRAGMA wal_checkpoint(PASSIVE)").mapToMap().list();
                } finally {
                    checkpointing.unlock();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!closed) {
                    org.slf4j.LoggerFactory.getLogger(SqliteDatabase.class).atWarn().setMessage("sqlite_checkpoint_failed")
                            .setCause(e).log(); // the writer's own checkpoints still bound the WAL
                }
            }
        }
    }

    static SqliteDatabase open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StorageFailure("cannot create the folder of " + file, e);
        }
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        // IMMEDIATE: a write transaction takes the write lock at BEGIN, so a second process (the enroll
        // command beside a running server) waits for the busy timeout instead of failing mid-transaction.
        SQLiteDataSource writes = dataSource(url, SQLiteConfig.TransactionMode.IMMEDIATE);
        try {
            Flyway.configure()
                    .dataSource(writes)
                    .locations("classpath:db/migration/sqlite")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StorageFailure("cannot open the SQLite database " + file + ": " + rootMessage(e), e);
        }
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(dataSource(url, SQLiteConfig.TransactionMode.DEFERRED));
        pool.setMaximumPoolSize(READERS);
        pool.setPoolName("sqlite-readers");
        HikariDataSource readers = new HikariDataSource(pool);
        Handle writer = Jdbi.create(writes).open();
        for (String pragma : SqliteTuning.WRITER_PRAGMAS) {
            writer.execute(pragma);
        }
        // The checkpoints are the checkpointer's (below); the writer checkpoints only if it fell far behind.
        writer.execute("PRAGMA wal_autocheckpoint = " + SqliteTuning.WRITER_BACKSTOP_PAGES);
        return new SqliteDatabase(readers, writer, Jdbi.create(dataSource(url, SQLiteConfig.TransactionMode.DEFERRED)).open());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static SQLiteDataSource dataSource(String url, SQLiteConfig.TransactionMode mode) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        config.setTransactionMode(mode);
        // Deleted rows (an erased member's key) are overwritten with zeros, not left in free pages.
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url);
        return dataSource;
    }

    /** One writer, so a transaction never loses a race and runs exactly once. */
    @Override
    public <T> T write(Function<Tx, T> work) {
        writeLock.lock();
        try {
            return writer.inTransaction(handle -> work.apply(new Tx(handle, writerSql)));
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * In WAL mode with {@code synchronous=NORMAL} a commit appends to the WAL without an fsync; the next commit made
     * with {@code FULL} syncs the WAL, and everything appended before it with it, so the order of commits survives.
     */
    @Override
    public <T> T writeUnforced(Function<Tx, T> work) {
        writeLock.lock();
        try {
            writer.execute("PRAGMA synchronous = NORMAL");
            try {
                return writer.inTransaction(handle -> work.apply(new Tx(handle, writerSql)));
            } finally {
                writer.execute("PRAGMA synchronous = FULL");
            }
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public <T> T read(Function<Handle, T> work) {
        return readJdbi.withHandle(work::apply);
    }

    /** A read transaction in WAL mode sees the database as of its first read until it ends. */
    @Override
    public <T> T readConsistent(Function<Handle, T> work) {
        return readJdbi.inTransaction(work::apply);
    }

    /**
     * Copies the WAL into the main file and truncates it, so what a deletion overwrote is not left in the WAL. The
     * checkpointer waits meanwhile (SQLite would answer busy rather than wait for it); busy from another process (a
     * command beside the server) is tried again, then refused aloud rather than left unscrubbed.
     */
    @Override
    public void scrub(java.util.List<String> tables) {
        writeLock.lock();
        checkpointing.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                int busy = writer.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").map((rs, ctx) -> rs.getInt(1)).one();
                if (busy == 0) {
                    return;
                }
                if (attempt == SCRUB_ATTEMPTS) {
                    throw new StorageFailure("the WAL could not be copied and truncated: another process keeps it busy; "
                            + "the deleted rows stay in it until the next checkpoint", null);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageFailure("interrupted while truncating the WAL", e);
        } finally {
            checkpointing.unlock();
            writeLock.unlock();
        }
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public void close() {
        closed = true;
        checkpointer.interrupt();
        try {
            checkpointer.join(java.time.Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checkpoints.close();
        writeLock.lock();
        try {
            writerSql.close();
            writer.close();
            readers.close();
        } finally {
            writeLock.unlock();
        }
    }
}
