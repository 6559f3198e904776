package io.chainpos.server.cli;

import io.chainpos.server.store.Storage;
import io.chainpos.server.store.StorageFailure;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: runs the HTTP API until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the sync server.")
final class ServeCommand implements Callable<Integer> {
    private final Services services;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (0 picks a free one). Default: ${DEFAULT-VALUE}")
    private int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to listen on. Default: ${DEFAULT-VALUE}")
    private String host;

    @Option(names = "--db", defaultValue = "chainpos.db",
            description = "A SQLite file (created if missing), or a jdbc:postgresql:// URL. Default: ${DEFAULT-VALUE}")
    private String database;

    @Option(names = "--demo-data", description = "Seed a demo catalog, rules and members into an empty store.")
    private boolean demoData;

    ServeCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws InterruptedException {
        Storage storage;
        try {
            storage = services.openStorage(database);
        } catch (Storage.UnsupportedDatabase | StorageFailure e) {
            spec.commandLine().getErr().println("sync-server serve: " + e.getMessage());
            return Commands.DATABASE_UNAVAILABLE;
        }
        Services.RunningServer server = services.start(storage, host, port, demoData);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            storage.close();
            stopped.countDown();
        }, "shutdown"));
        // The one line scripts and tests wait for; logs go to standard error.
        spec.commandLine().getOut().println("ChainPOS sync server listening on port " + server.port());
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
