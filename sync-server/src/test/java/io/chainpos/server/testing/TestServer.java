package io.chainpos.server.testing;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.ServerMain;
import io.chainpos.server.auth.Enrollment;
import io.chainpos.server.auth.Role;
import io.chainpos.server.auth.Users;
import io.chainpos.server.cli.Services;
import io.chainpos.server.store.Storage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

/** The real server on a loopback port over a SQLite file in a temp folder, with a clock the test moves. */
public final class TestServer implements AutoCloseable {
    public static final Instant START = Instant.parse("2026-11-23T03:00:00Z");
    public static final String HQ_PASSWORD = "correct horse battery";

    public final ManualClock clock = new ManualClock(START);
    public final ServerMain main = new ServerMain(clock, new Random(42));
    public final Path database;
    public final Storage storage;
    private final Services.RunningServer server;
    private int tokens;

    private TestServer(Path dir, boolean demoData) {
        this.database = dir.resolve("chainpos.db");
        this.storage = main.openStorage(database.toString());
        this.server = main.start(storage, "127.0.0.1", 0, demoData);
    }

    public static TestServer start(Path dir) {
        return new TestServer(dir, false);
    }

    public static TestServer startWithDemoData(Path dir) {
        return new TestServer(dir, true);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    public Api anonymous() {
        return new Api(uri(), null);
    }

    public String enrollmentCode(String store, String till) {
        Enrollment enrollment = new Enrollment(storage.accounts(), main.secrets(), clock);
        return switch (enrollment.issueCode(StoreId.of(store), TillId.of(till))) {
            case Enrollment.Issued.Code code -> code.code();
            case Enrollment.Issued.Refused refused -> throw new IllegalStateException(refused.reason());
        };
    }

    /** Enrolls a till through the API and returns a client carrying its token. */
    public EnrolledTill enroll(String store, String till) {
        Api.Reply reply = anonymous().post("/api/v1/enroll", "{\"code\":\"" + enrollmentCode(store, till) + "\"}");
        if (reply.status() != 200) {
            throw new IllegalStateException("enrollment failed: " + reply);
        }
        int epoch = reply.json().get("tillEpoch").asInt();
        return new EnrolledTill(new Api(uri(), reply.json().get("token").asText()),
                new TillWriter(store, till, epoch, clock));
    }

    /** Creates a user with {@code role} and signs in through the API. */
    public Api signedIn(Role role) {
        String name = role.label() + "-" + (++tokens);
        Users users = new Users(storage.accounts(), main.secrets(), clock);
        if (!(users.create(name, role, HQ_PASSWORD) instanceof Users.Created.Done)) {
            throw new IllegalStateException("cannot create " + name);
        }
        Api.Reply reply = anonymous().post("/api/v1/login",
                "{\"username\":\"" + name + "\",\"password\":\"" + HQ_PASSWORD + "\"}");
        return new Api(uri(), reply.json().get("token").asText());
    }

    public Api headOffice() {
        return signedIn(Role.HQ);
    }

    @Override
    public void close() {
        server.close();
        storage.close();
    }

    /** A till with its API client and the writer of its events. */
    public record EnrolledTill(Api api, TillWriter writer) {
        public Api.Reply push(java.util.List<io.chainpos.model.event.EventEnvelope> events) {
            return api.post("/api/v1/sync/push", Json.push(writer, events));
        }
    }
}
