package io.chainpos.server.testing;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.Ports;
import io.chainpos.server.ServerMain;
import io.chainpos.server.auth.Enrollment;
import io.chainpos.server.auth.Role;
import io.chainpos.server.auth.Users;
import io.chainpos.server.cli.ServerSettings;
import io.chainpos.server.cli.Services;
import io.chainpos.server.db.DatabaseSettings;
import io.chainpos.server.db.Storage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

/** The real server on a loopback port over a SQLite file in a temp folder, with a clock the test moves. */
public final class TestServer implements AutoCloseable {
    public static final Instant START = Instant.parse("2026-11-23T03:00:00Z");
    public static final String HQ_PASSWORD = "correct horse battery";

    public final ManualClock clock;
    public final ServerMain main;
    /** The SQLite file, or null on PostgreSQL. */
    public final Path database;
    public final String databaseSpec;
    public final Storage storage;
    /** The features' ports on the server's database, for a test to look behind the API. */
    public final Ports ports;
    private final Services.RunningServer server;
    /** The CA the server's certificate is signed by, or null when the server speaks plain HTTP. */
    private final TestCertificates certificates;
    private final ServerSettings settings;
    private final java.net.http.HttpClient http;
    private int tokens;

    private TestServer(String databaseSpec, Path file, ServerSettings settings, ManualClock clock) {
        this(databaseSpec, file, settings, clock, null, null);
    }

    private TestServer(String databaseSpec, Path file, ServerSettings settings, ManualClock clock, TestCertificates certificates) {
        this(databaseSpec, file, settings, clock, certificates, null);
    }

    private TestServer(String databaseSpec, Path file, ServerSettings settings, ManualClock clock, TestCertificates certificates,
                       Path keyFile) {
        this(databaseSpec, file, settings, clock, certificates, keyFile, null);
    }

    private TestServer(String databaseSpec, Path file, ServerSettings settings, ManualClock clock, TestCertificates certificates,
                       Path keyFile, String readDb) {
        this.settings = settings;
        this.certificates = certificates;
        this.http = certificates == null ? null : Api.httpsClient(certificates.clientContext());
        this.clock = clock;
        this.main = new ServerMain(clock, new Random(42));
        this.databaseSpec = databaseSpec;
        this.database = file;
        this.storage = main.openStorage(DatabaseSettings.of(databaseSpec).withPoolSize(8).withKeyFile(keyFile),
                java.util.Optional.ofNullable(readDb).map(spec -> DatabaseSettings.of(spec).withPoolSize(4)));
        this.ports = main.ports(storage);
        ports.members().memberLookupSecret(Facts.LOOKUP_SECRET);
        this.server = main.start(storage, settings);
    }

    public static TestServer start(Path dir) {
        return start(dir, settings(false));
    }

    public static TestServer startWithDemoData(Path dir) {
        return start(dir, settings(true));
    }

    /** On a SQLite file in {@code dir}. */
    public static TestServer start(Path dir, ServerSettings settings) {
        Path file = dir.resolve("chainpos.db");
        return new TestServer(file.toString(), file, settings, new ManualClock(START));
    }

    /**
     * Over HTTPS on a SQLite file in {@code dir}, with a certificate for localhost and 127.0.0.1 signed by a CA made for
     * the test ({@link #certificates()}).
     */
    public static TestServer startHttps(Path dir, ServerSettings settings) {
        return startHttps(dir, settings, new TestCertificates(dir.resolve("tls"), "Test chain CA"));
    }

    /** Over HTTPS with a new certificate (a new key) for localhost and 127.0.0.1 from {@code certificates}' CA. */
    public static TestServer startHttps(Path dir, ServerSettings settings, TestCertificates certificates) {
        Path file = dir.resolve("chainpos.db");
        return new TestServer(file.toString(), file, settings.withTls(certificates.serverCertificate(TestCertificates.LOOPBACK)),
                new ManualClock(START), certificates);
    }

    /** Over HTTPS on the database {@code spec} names. */
    public static TestServer onHttps(String spec, Path dir, ServerSettings settings) {
        TestCertificates certificates = new TestCertificates(dir.resolve("tls"), "Test chain CA");
        return new TestServer(spec, null, settings.withTls(certificates.serverCertificate(TestCertificates.LOOPBACK)),
                new ManualClock(START), certificates);
    }

    /** The CA of an HTTPS server's certificate. */
    public TestCertificates certificates() {
        if (certificates == null) {
            throw new IllegalStateException("this test server speaks plain HTTP");
        }
        return certificates;
    }

    /** The certificate an HTTPS server presents (its own, not its CA's). */
    public java.security.cert.X509Certificate certificate() {
        try {
            return io.chainpos.server.tls.Pem.readCertificates(((io.chainpos.server.tls.TlsSource.PemFiles) settings.tls())
                    .certificate()).getFirst();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public boolean https() {
        return certificates != null;
    }

    /** On the database {@code spec} names (a PostgreSQL URL, for instance), with its own clock. */
    public static TestServer on(String spec, ServerSettings settings) {
        return new TestServer(spec, null, settings, new ManualClock(START));
    }

    /** On the PostgreSQL database {@code spec} names, head office's reports read from the replica {@code readDb} names. */
    public static TestServer withReadReplica(String spec, String readDb, ServerSettings settings) {
        return new TestServer(spec, null, settings, new ManualClock(START), null, null, readDb);
    }

    /** On the database {@code spec} names, its members' keys wrapped by the keys in {@code keyFile}. */
    public static TestServer withKeyFile(String spec, Path keyFile) {
        Path file = spec.startsWith("jdbc:") ? null : Path.of(spec);
        return new TestServer(spec, file, settings(false), new ManualClock(START), null, keyFile);
    }

    /** A second node on the same database as {@code other}, sharing its clock, as a load balancer's pair. */
    public static TestServer beside(TestServer other) {
        return new TestServer(other.databaseSpec, other.database, settings(false), other.clock);
    }

    public static ServerSettings settings(boolean demoData) {
        return ServerSettings.of("127.0.0.1", 0, demoData);
    }

    public URI uri() {
        return URI.create((certificates == null ? "http" : "https") + "://127.0.0.1:" + server.port() + "/");
    }

    public int port() {
        return server.port();
    }

    /** Head office's page routes with their declared access. */
    public java.util.List<io.chainpos.server.web.PageRoute> pageRoutes() {
        return server.pageRoutes();
    }

    /** Every HTTP route the server answers, {@code METHOD /path}. */
    public java.util.List<String> httpRoutes() {
        return server.httpRoutes();
    }

    public Api anonymous() {
        return api(null);
    }

    private Api api(String token) {
        return http == null ? new Api(uri(), token) : new Api(uri(), token, http);
    }

    public String enrollmentCode(String store, String till) {
        Enrollment enrollment = new Enrollment(ports.accounts(), main.secrets(), clock);
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
        return new EnrolledTill(api(reply.json().get("token").asText()),
                new TillWriter(store, till, epoch, clock));
    }

    /** Creates a user with {@code role} (a store manager's store is S001) and signs in through the API. */
    public Api signedIn(Role role) {
        String name = role.label() + "-" + (++tokens);
        if (!(main.users(storage).create(name, role, role.isBoundToAStore() ? "S001" : null, HQ_PASSWORD)
                instanceof Users.Created.Done)) {
            throw new IllegalStateException("cannot create " + name);
        }
        Api.Reply reply = anonymous().post("/api/v1/login",
                "{\"username\":\"" + name + "\",\"password\":\"" + HQ_PASSWORD + "\"}");
        return api(reply.json().get("token").asText());
    }

    public Api headOffice() {
        return signedIn(Role.HQ_ADMIN);
    }

    @Override
    public void close() {
        server.close();
        storage.close();
    }

    /** A till with its API client and the writer of its events. */
    public record EnrolledTill(Api api, TillWriter writer) {
        public Api.Reply push(java.util.List<io.chainpos.model.event.EventEnvelope> events) {
            java.util.List<io.chainpos.model.member.MemberKey> keys = Facts.keysOf(events);
            if (!keys.isEmpty()) {
                Api.Reply stored = api.put("/api/v1/members/keys", Json.CODEC.write(new io.chainpos.model.sync.MemberKeys(keys)));
                if (stored.status() != 200) {
                    throw new IllegalStateException("the server refused the member keys: " + stored);
                }
            }
            return api.post("/api/v1/sync/push", Json.push(writer, events));
        }
    }
}
