package io.chainpos.server.cli;

import io.chainpos.server.db.Storage;
import io.chainpos.server.db.StorageFailure;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code migrate}: creates the database's schema or brings it up to this version, and nothing else; what a
 * read replica's database is given before it subscribes to the primary (README, Reports from a replica).
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Create or update the database's schema to this version, and do nothing else (a read replica's "
                + "schema, before it subscribes to the primary).")
final class MigrateCommand implements Callable<Integer> {
    private final Services services;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private DatabaseOptions database = new DatabaseOptions();

    MigrateCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        try (Storage storage = services.openStorage(database.settings())) {
            spec.commandLine().getOut().println("The " + storage.kind() + " database's schema is up to date.");
            return 0;
        } catch (Storage.UnsupportedDatabase | StorageFailure e) {
            spec.commandLine().getErr().println("sync-server migrate: " + e.getMessage());
            return Commands.DATABASE_UNAVAILABLE;
        }
    }
}
