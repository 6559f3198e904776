package io.chainpos.till.testing;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.server.ServerMain;
import io.chainpos.server.auth.Enrollment;
import io.chainpos.server.auth.Role;
import io.chainpos.server.auth.Users;
import io.chainpos.server.cli.Services;
import io.chainpos.server.store.Storage;
import io.chainpos.server.testing.Api;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;

/** The real sync server on loopback over a SQLite file, which a test can stop and start again on that file. */
public final class RealServer implements AutoCloseable {
    private static final String PASSWORD = "head office password";

    private final Path database;
    private final ServerMain main;
    private final Clock clock;
    private Storage storage;
    private Services.RunningServer running;
    private String headOfficeToken;

    private RealServer(Path database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.main = new ServerMain(clock, new Random(42));
    }

    /** Starts a server with the demo catalog, tiers, loyalty rules and members. */
    public static RealServer startWithDemoData(Path dir, Clock clock) {
        RealServer server = new RealServer(dir.resolve("chainpos.db"), clock);
        server.open(true);
        Users users = new Users(server.storage.accounts(), server.main.secrets(), clock);
        if (!(users.create("hq", Role.HQ, PASSWORD) instanceof Users.Created.Done)) {
            throw new IllegalStateException("cannot create the head-office user");
        }
        return server;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + running.port() + "/");
    }

    public String enrollmentCode(String store, String till) {
        return switch (new Enrollment(storage.accounts(), main.secrets(), clock).issueCode(StoreId.of(store), TillId.of(till))) {
            case Enrollment.Issued.Code code -> code.code();
            case Enrollment.Issued.Refused refused -> throw new IllegalStateException(refused.reason());
        };
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

    /** Stops the HTTP server and closes the database, as a crash or a restart would. */
    public void stop() {
        running.close();
        storage.close();
        running = null;
    }

    /** Starts again on the same file (on a new port). */
    public void restart() {
        headOfficeToken = null;
        open(false);
    }

    private void open(boolean demoData) {
        storage = main.openStorage(database.toString());
        running = main.start(storage, "127.0.0.1", 0, demoData);
    }

    @Override
    public void close() {
        if (running != null) {
            stop();
        }
    }
}
