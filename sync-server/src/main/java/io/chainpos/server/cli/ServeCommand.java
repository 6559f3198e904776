package io.chainpos.server.cli;

import io.chainpos.server.db.Storage;
import io.chainpos.server.db.StorageFailure;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: runs the HTTP API until the process is stopped. Every flag can come from the environment. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the sync server.")
final class ServeCommand implements Callable<Integer> {
    private final Services services;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "${env:CHAINPOS_PORT:-8080}",
            description = "HTTP port (0 picks a free one). Env CHAINPOS_PORT. Default: ${DEFAULT-VALUE}")
    private int port;

    @Option(names = "--host", defaultValue = "${env:CHAINPOS_HOST:-0.0.0.0}",
            description = "Address to listen on. Env CHAINPOS_HOST. Default: ${DEFAULT-VALUE}")
    private String host;

    @CommandLine.Mixin
    private DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--pull-retention-days", defaultValue = "${env:CHAINPOS_PULL_RETENTION_DAYS:-30}",
            description = "Days of events a till's pull replays; a till further behind rebuilds from a snapshot. "
                    + "Env CHAINPOS_PULL_RETENTION_DAYS. Default: ${DEFAULT-VALUE}")
    private int pullRetentionDays;

    @Option(names = "--metrics-token-from-env", hidden = true, defaultValue = "${env:CHAINPOS_METRICS_TOKEN}")
    private String metricsToken;

    @Option(names = "--log-format", defaultValue = "${env:CHAINPOS_LOG_FORMAT:-text}",
            description = "text (key=value per line) or json (one object per line). Env CHAINPOS_LOG_FORMAT. "
                    + "Default: ${DEFAULT-VALUE}")
    private String logFormat;

    @Option(names = "--session-idle-minutes", defaultValue = "${env:CHAINPOS_SESSION_IDLE_MINUTES:-30}",
            description = "Minutes without a request after which a head-office page session ends. "
                    + "Env CHAINPOS_SESSION_IDLE_MINUTES. Default: ${DEFAULT-VALUE}")
    private int sessionIdleMinutes;

    @Option(names = "--demo-data", defaultValue = "${env:CHAINPOS_SEED_DEMO:-false}",
            description = "Seed a demo catalog, rules and members into an empty store. Env CHAINPOS_SEED_DEMO=true.")
    private boolean demoData;

    /** Where a browser on this machine reaches the server: the listening address, or loopback for all addresses. */
    private String pageHost() {
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
    }

    ServeCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (!LogFormat.isKnown(logFormat)) {
            err.println("sync-server serve: --log-format must be text or json, not " + logFormat);
            return CommandLine.ExitCode.USAGE;
        }
        if (pullRetentionDays < 1) {
            err.println("sync-server serve: --pull-retention-days must be at least 1");
            return CommandLine.ExitCode.USAGE;
        }
        if (sessionIdleMinutes < 1) {
            err.println("sync-server serve: --session-idle-minutes must be at least 1");
            return CommandLine.ExitCode.USAGE;
        }
        LogFormat.use(logFormat);
        Storage storage;
        try {
            storage = services.openStorage(database.settings());
        } catch (Storage.UnsupportedDatabase | StorageFailure e) {
            err.println("sync-server serve: " + e.getMessage());
            return Commands.DATABASE_UNAVAILABLE;
        }
        ServerSettings settings = new ServerSettings(host, port, demoData, Duration.ofDays(pullRetentionDays), metricsToken,
                new io.chainpos.server.web.WebSettings(Duration.ofMinutes(sessionIdleMinutes),
                        io.chainpos.server.web.WebSettings.DEFAULT_LIFETIME));
        Services.RunningServer server = services.start(storage, settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            storage.close();
            stopped.countDown();
        }, "shutdown"));
        // The one line scripts and tests wait for; logs go to standard error.
        spec.commandLine().getOut().println("ChainPOS sync server listening on port " + server.port());
        spec.commandLine().getOut().println("Head office in the browser: http://" + pageHost() + ":" + server.port() + "/");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
