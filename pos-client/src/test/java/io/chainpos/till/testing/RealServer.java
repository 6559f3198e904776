package io.chainpos.till.testing;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.server.Ports;
import io.chainpos.server.ServerMain;
import io.chainpos.server.auth.Enrollment;
import io.chainpos.server.auth.Role;
import io.chainpos.server.auth.Users;
import io.chainpos.server.cli.ServerSettings;
import io.chainpos.server.cli.Services;
import io.chainpos.server.db.DatabaseSettings;
import io.chainpos.server.db.Storage;
import io.chainpos.server.testing.Api;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;

/**
 * The real sync server on loopback over a SQLite file or a PostgreSQL database, which a test can stop and
 * start again on that database. Two of them on one PostgreSQL database are two server nodes.
 */
public final class RealServer implements AutoCloseable {
    private static final String PASSWORD = "head office password";

    private final String database;
    private final ServerMain main;
    private final Clock clock;
    private final ServerSettings settings;
    private Storage storage;
    private Ports ports;
    private Services.RunningServer running;
    private String headOfficeToken;
    private volatile int port;

    private RealServer(String database, Clock clock, ServerSettings settings, long seed) {
        this.database = database;
        this.clock = clock;
        this.settings = settings;
        this.main = new ServerMain(clock, new Random(seed));
    }

    /** Starts a server with the demo catalog, tiers, loyalty rules and members. */
    public static RealServer startWithDemoData(Path dir, Clock clock) {
        return startOn(dir.resolve("chainpos.db").toString(), clock, Duration.ofDays(30), true);
    }

    /** Starts a server on {@code database} (a SQLite path or a PostgreSQL URL) with a head-office user "hq". */
    public static RealServer startOn(String database, Clock clock, Duration pullRetention, boolean demoData) {
        return startOn(database, clock, pullRetention, demoData, 42);
    }

    /**
     * As {@link #startOn(String, Clock, Duration, boolean)}, its secrets drawn from {@code seed}: two nodes on one
     * database need different seeds, or they would hand out the same device tokens.
     */
    public static RealServer startOn(String database, Clock clock, Duration pullRetention, boolean demoData, long seed) {
        RealServer server = new RealServer(database, clock,
                ServerSettings.of("127.0.0.1", 0, demoData).withPullRetention(pullRetention), seed);
        server.open();
        Users users = server.main.users(server.storage);
        users.create("hq", Role.HQ_ADMIN, null, PASSWORD); // a second node on the same database finds the user there
        return server;
    }

    /** Where the server listens, or listened last while it is stopped (a till then finds nobody there). */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public String enrollmentCode(String store, String till) {
        return switch (new Enrollment(ports.accounts(), main.secrets(), clock).issueCode(StoreId.of(store), TillId.of(till))) {
            case Enrollment.Issued.Code code -> code.code();
            case Enrollment.Issued.Refused refused -> throw new IllegalStateException(refused.reason());
        };
    }

    /** Makes a head-office account (for the pages' sign-in form). */
    public void createUser(String name, Role role, String store, String password) {
        if (!(main.users(storage).create(name, role, store, password) instanceof Users.Created.Done)) {
            throw new IllegalStateException("cannot create " + name);
        }
    }

    /** A client signed in as head office. */
    public Api headOffice() {
        if (headOfficeToken == null) {
            Api.Reply reply = new Api(uri(), null).post("/api/v1/login",
                    "{\"username\":\"hq\",\"password\":\"" + PASSWORD + "\"}");
            headOfficeToken = reply.json().get("token").asText();
        }
        return new Api(uri(), headOfficeToken);
    }

    public Storage storage() {
        return storage;
    }

    /** The server's ports on its database, for a test to look behind the API. */
    public Ports ports() {
        return ports;
    }

    /** Stops the HTTP server and closes the database, as a crash or a restart would. */
    public void stop() {
        running.close();
        storage.close();
        running = null;
    }

    /** Starts again on the same database (on a new port). */
    public void restart() {
        headOfficeToken = null;
        open();
    }

    private void open() {
        storage = main.openStorage(DatabaseSettings.of(database).withPoolSize(8));
        ports = main.ports(storage);
        running = main.start(storage, settings);
        port = running.port();
    }

    @Override
    public void close() {
        if (running != null) {
            stop();
        }
    }
}
