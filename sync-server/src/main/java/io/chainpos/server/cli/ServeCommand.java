package io.chainpos.server.cli;

import io.chainpos.server.db.Storage;
import io.chainpos.server.db.StorageFailure;
import io.chainpos.server.tls.TlsSource;
import io.chainpos.server.tls.Transport;
import java.io.PrintWriter;
import java.nio.file.Path;
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
            description = "HTTP or HTTPS port (0 picks a free one). Env CHAINPOS_PORT. Default: ${DEFAULT-VALUE}")
    private int port;

    @Option(names = "--host", defaultValue = "${env:CHAINPOS_HOST:-0.0.0.0}",
            description = "Address to listen on. Env CHAINPOS_HOST. Default: ${DEFAULT-VALUE}")
    private String host;

    @CommandLine.Mixin
    private DatabaseOptions database = new DatabaseOptions();

    @CommandLine.Mixin
    private ReadDatabaseOptions readDatabase = new ReadDatabaseOptions();

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

    @Option(names = "--tls-cert", defaultValue = "${env:CHAINPOS_TLS_CERT}",
            description = "PEM certificate to serve HTTPS with (the server's first, then its chain). Env CHAINPOS_TLS_CERT.")
    private Path tlsCert;

    @Option(names = "--tls-key", defaultValue = "${env:CHAINPOS_TLS_KEY}",
            description = "PEM private key of --tls-cert (unencrypted; keep it readable by the server's account only). "
                    + "Env CHAINPOS_TLS_KEY.")
    private Path tlsKey;

    @Option(names = "--tls-pkcs12", defaultValue = "${env:CHAINPOS_TLS_PKCS12}",
            description = "PKCS#12 file with the key and certificate chain, instead of the PEM pair; its password comes "
                    + "only from the environment, CHAINPOS_TLS_PKCS12_PASSWORD. Env CHAINPOS_TLS_PKCS12.")
    private Path tlsPkcs12;

    @Option(names = "--tls-pkcs12-password-from-env", hidden = true, defaultValue = "${env:CHAINPOS_TLS_PKCS12_PASSWORD}")
    private String tlsPkcs12Password;

    @Option(names = "--allow-plain-http", defaultValue = "${env:CHAINPOS_ALLOW_PLAIN_HTTP:-false}",
            description = "Serve plain HTTP on an address other than loopback (a private network, a TLS proxy in front). "
                    + "Env CHAINPOS_ALLOW_PLAIN_HTTP=true.")
    private boolean allowPlainHttp;

    @Option(names = "--snapshot-spool", defaultValue = "${env:CHAINPOS_SNAPSHOT_SPOOL}",
            description = "Folder where snapshots for new or long-offline tills are written, each kept an hour so a cut "
                    + "download resumes (it needs room for a few compressed copies of the chain's members and catalog). "
                    + "Env CHAINPOS_SNAPSHOT_SPOOL. Default: a new folder under the system's temporary folder.")
    private Path snapshotSpool;

    @Option(names = "--demo-data", defaultValue = "${env:CHAINPOS_SEED_DEMO:-false}",
            description = "Seed a demo catalog, rules and members into an empty store. Env CHAINPOS_SEED_DEMO=true.")
    private boolean demoData;

    /** Where a browser on this machine reaches the server: the listening address, or loopback for all addresses. */
    private String pageHost() {
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
    }

    /** The certificate the flags name, or null for plain HTTP; a half-given pair is a usage error. */
    private TlsSource tlsSource() {
        if (tlsPkcs12 != null) {
            if (tlsCert != null || tlsKey != null) {
                throw new IllegalArgumentException("give either --tls-pkcs12 or --tls-cert with --tls-key, not both");
            }
            return new TlsSource.Pkcs12(tlsPkcs12, tlsPkcs12Password == null ? new char[0] : tlsPkcs12Password.toCharArray());
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together");
        }
        return tlsCert == null ? null : new TlsSource.PemFiles(tlsCert, tlsKey);
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

        TlsSource tls;
        try {
            tls = tlsSource();
        } catch (IllegalArgumentException e) {
            err.println("sync-server serve: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        if (Transport.decide(host, tls != null, allowPlainHttp) instanceof Transport.Refused(String reason)) {
            err.println("sync-server serve: " + reason);
            return Commands.REFUSED;
        }
        if (tls != null) {
            try {
                tls.load();
            } catch (TlsSource.Unusable e) {
                err.println("sync-server serve: the certificate cannot be served: " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
        }
        LogFormat.use(logFormat);
        Storage storage;
        try {
            storage = services.openStorage(database.settings(), readDatabase.settings());
        } catch (Storage.UnsupportedDatabase | StorageFailure e) {
            err.println("sync-server serve: " + e.getMessage());
            return Commands.DATABASE_UNAVAILABLE;
        }
        ServerSettings settings = new ServerSettings(host, port, demoData, Duration.ofDays(pullRetentionDays), metricsToken,
                new io.chainpos.server.web.WebSettings(Duration.ofMinutes(sessionIdleMinutes),
                        io.chainpos.server.web.WebSettings.DEFAULT_LIFETIME), tls, allowPlainHttp)
                .withSnapshotSpool(snapshotSpool);
        Services.RunningServer server;
        try {
            server = services.start(storage, settings);
        } catch (io.chainpos.server.db.KeyRing.KeyUnavailable e) {
            err.println("sync-server serve: " + e.getMessage() + " that wraps this database's secrets: give the key file they "
                    + "were wrapped with (--kek-file)");
            storage.close();
            return Commands.DATABASE_UNAVAILABLE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            storage.close();
            stopped.countDown();
        }, "shutdown"));
        // The one line scripts and tests wait for; logs go to standard error.
        spec.commandLine().getOut().println("ChainPOS sync server listening on port " + server.port()
                + (tls == null ? " (plain HTTP)" : " (HTTPS)"));
        spec.commandLine().getOut().println("Head office in the browser: " + (tls == null ? "http" : "https") + "://" + pageHost() + ":" + server.port() + "/");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
