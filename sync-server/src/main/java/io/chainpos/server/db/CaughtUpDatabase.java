package io.chainpos.server.db;

import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database as the features read it: before each read or write, the projections are caught up with the log
 * ({@code catchUp}), so what was pushed before a question is in its answer. The log and the sync path (push, pull,
 * tokens) use the database itself and never wait on a projection.
 *
 * <p>When catching up fails (a projection's bug, a database error), the read goes ahead on what the projections hold,
 * and the failure is logged: head office sees slightly older figures rather than no page; the projector's lag in the
 * metrics and on the home page shows it.
 */
public final class CaughtUpDatabase implements Database {
    private static final Logger LOG = LoggerFactory.getLogger(CaughtUpDatabase.class);

    private final Database database;
    private final Runnable catchUp;
    private final Runnable catchUpFully;

    /** {@code catchUp} before reads and writes; {@code catchUpFully} before a scrub, which must follow every erasure. */
    public CaughtUpDatabase(Database database, Runnable catchUp, Runnable catchUpFully) {
        this.database = database;
        this.catchUp = catchUp;
        this.catchUpFully = catchUpFully;
    }

    private void catchUp() {
        run(catchUp);
    }

    private static void run(Runnable catchUp) {
        try {
            catchUp.run();
        } catch (RuntimeException e) {
            LOG.atError().setMessage("projections_not_caught_up").setCause(e).log();
        }
    }

    @Override
    public <T> T write(Function<Tx, T> work) {
        catchUp();
        return database.write(work);
    }

    @Override
    public <T> T writeUnforced(Function<Tx, T> work) {
        catchUp();
        return database.writeUnforced(work);
    }

    @Override
    public <T> T read(Function<Handle, T> work) {
        catchUp();
        return database.read(work);
    }

    @Override
    public <T> T readConsistent(Function<Handle, T> work) {
        catchUp();
        return database.readConsistent(work);
    }

    @Override
    public Dialect dialect() {
        return database.dialect();
    }

    @Override
    public void scrub(List<String> tables) {
        run(catchUpFully); // an erasure's rows are deleted by the projections: after they have merged it, however far behind
        database.scrub(tables);
    }

    /** The database is the storage's to close, not this view's. */
    @Override
    public void close() {
    }
}
