package io.chainpos.server.cli;

import io.chainpos.server.db.Storage;
import io.chainpos.server.db.StorageFailure;
import io.chainpos.server.log.JdbcEventPartitions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code rebuild}: every read model (balances, stock, sales facts, member activity, liabilities, the member index...)
 * dropped and folded again from the event log, in one transaction: what a server upgraded from a version without
 * a read model runs once, and what repairs one. Pushes wait while it runs; the log itself is not touched.
 */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = "Rebuild every read model from the event log (after an upgrade that adds one). "
                + "Pushes wait until it is done; the log is not changed.")
final class RebuildCommand implements Callable<Integer> {
    private final Services services;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private DatabaseOptions database = new DatabaseOptions();

    RebuildCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try (Storage storage = services.openStorage(database.settings())) {
            long start = System.nanoTime();
            services.log(storage).rebuildProjections();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            spec.commandLine().getOut().printf("rebuilt every read model from the event log in %.1f s%n", took.toMillis() / 1000.0);
            return 0;
        } catch (Storage.UnsupportedDatabase | StorageFailure e) {
            err.println("sync-server rebuild: " + e.getMessage());
            return Commands.DATABASE_UNAVAILABLE;
        } catch (JdbcEventPartitions.Refused e) {
            err.println("sync-server rebuild: " + e.getMessage());
            return Commands.REFUSED;
        }
    }
}
