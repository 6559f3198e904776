package io.chainpos.server;

import io.chainpos.model.json.EventCodec;
import io.chainpos.server.auth.Access;
import io.chainpos.server.auth.AuthRoutes;
import io.chainpos.server.auth.Authenticator;
import io.chainpos.server.auth.Enrollment;
import io.chainpos.server.auth.Secrets;
import io.chainpos.server.auth.Users;
import io.chainpos.server.cli.Commands;
import io.chainpos.server.cli.ServerSettings;
import io.chainpos.server.cli.Services;
import io.chainpos.server.demo.DemoData;
import io.chainpos.server.exception.ExceptionRoutes;
import io.chainpos.server.headoffice.HeadOffice;
import io.chainpos.server.http.HttpApi;
import io.chainpos.server.http.Routes;
import io.chainpos.server.member.DuplicatePhones;
import io.chainpos.server.loyalty.DailyPeriodEnd;
import io.chainpos.server.loyalty.ExpiringPointsReport;
import io.chainpos.server.loyalty.LoyaltyRoutes;
import io.chainpos.server.loyalty.PeriodEnd;
import io.chainpos.server.member.MemberRoutes;
import io.chainpos.server.metrics.ServerMeters;
import io.chainpos.server.stock.StockRoutes;
import io.chainpos.server.store.DatabaseSettings;
import io.chainpos.server.store.EventStore;
import io.chainpos.server.store.Storage;
import io.chainpos.server.sync.PullEvents;
import io.chainpos.server.sync.PushEvents;
import io.chainpos.server.sync.SnapshotRoutes;
import io.chainpos.server.sync.SyncMetrics;
import io.chainpos.server.sync.SyncRoutes;
import io.chainpos.server.tls.TlsListener;
import io.chainpos.server.tls.TlsSource;
import io.chainpos.server.tls.Transport;
import io.javalin.Javalin;
import io.javalin.config.JettyConfig;
import java.security.KeyStore;
import java.util.function.Consumer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: {@code main} for the jar, and the one place the server's object graph is built. */
public final class ServerMain implements Services {
    private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);
    /** Where head office's loyalty days (expiry, tier periods) begin: the chain's first market; the tills use their store's zone. */
    static final java.time.ZoneId LOYALTY_ZONE = java.time.ZoneId.of(
            System.getenv().getOrDefault("CHAINPOS_LOYALTY_ZONE", "Asia/Shanghai"));

    private final Clock clock;
    private final Secrets secrets;
    private final EventCodec codec = EventCodec.standard();

    public ServerMain(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.secrets = new Secrets(random);
    }

    public static void main(String[] args) {
        System.exit(Commands.commandLine(new ServerMain(Clock.systemUTC(), new SecureRandom()), System.in).execute(args));
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Secrets secrets() {
        return secrets;
    }

    public EventCodec codec() {
        return codec;
    }

    @Override
    public Storage openStorage(DatabaseSettings database) {
        return Storage.open(database, clock, codec);
    }

    /** The HTTPS connector when the settings name a certificate; nothing (Javalin's plain HTTP) otherwise. */
    private static Consumer<JettyConfig> listener(ServerSettings settings) {
        if (settings.tls() == null) {
            return jetty -> { };
        }
        try {
            KeyStore keys = settings.tls().load();
            return jetty -> TlsListener.addTo(jetty, keys, settings.tls().keyPassword(), settings.host(), settings.port());
        } catch (TlsSource.Unusable e) {
            throw new IllegalArgumentException("the server's certificate cannot be used: " + e.getMessage(), e);
        }
    }

    @Override
    public RunningServer start(Storage storage, ServerSettings settings) {
        Consumer<JettyConfig> listener = listener(settings); // an unusable certificate stops the start before anything runs
        EventStore events = storage.events();
        HeadOffice headOffice = new HeadOffice(events, codec, clock);
        if (settings.demoData()) {
            DemoData.seedIfEmpty(events, headOffice, clock);
        }
        ServerMeters meters = new ServerMeters(storage.kind());
        SyncMetrics metrics = new SyncMetrics(meters.registry());
        Access access = new Access(new Authenticator(storage.accounts(), clock));
        PullEvents pulls = new PullEvents(events, clock, settings.pullRetention());
        PeriodEnd periodEnd = new PeriodEnd(storage.loyalty(), headOffice, LOYALTY_ZONE, clock);
        DailyPeriodEnd daily = new DailyPeriodEnd(periodEnd, LOYALTY_ZONE, clock);
        if (!"off".equalsIgnoreCase(System.getenv("CHAINPOS_LOYALTY_SCHEDULE"))) {
            daily.start();
        }
        Routes health = routes -> routes.get("/health", ctx -> {
            events.isEmpty(); // touches the database: healthy means the store answers
            ctx.json(Map.of("status", "ok"));
        });
        Javalin app = HttpApi.create(codec, List.of(
                health,
                meters.routes(settings.metricsToken()),
                new AuthRoutes(new Enrollment(storage.accounts(), secrets, clock, events::memberLookupSecret), new Users(storage.accounts(), secrets, clock), codec),
                new SyncRoutes(access, new PushEvents(events, metrics, new DuplicatePhones(events, headOffice)), pulls, codec, metrics),
                new SnapshotRoutes(access, events, pulls, codec, metrics, clock),
                new MemberRoutes(access, events, headOffice, codec),
                new StockRoutes(access, events),
                new ExceptionRoutes(access, events),
                new LoyaltyRoutes(access, periodEnd, new ExpiringPointsReport(storage.loyalty(), LOYALTY_ZONE), LOYALTY_ZONE, clock)),
                listener);
        app.start(settings.host(), settings.port());
        if (Transport.decide(settings.host(), settings.tls() != null, true) instanceof Transport.PlainAllowed) {
            LOG.atWarn().setMessage("plain_http_allowed").addKeyValue("host", settings.host())
                    .addKeyValue("why", "tills send member keys and tokens in the clear on this address; use HTTPS").log();
        }
        LOG.atInfo().setMessage("server_started").addKeyValue("host", settings.host()).addKeyValue("port", app.port())
                .addKeyValue("scheme", settings.tls() == null ? "http" : "https")
                .addKeyValue("database", storage.kind()).addKeyValue("pull_retention_days", settings.pullRetention().toDays()).log();
        return new RunningServer() {
            @Override
            public int port() {
                return app.port();
            }

            @Override
            public void close() {
                app.stop();
                daily.close();
                meters.close();
                LOG.atInfo().setMessage("server_stopped").log();
            }
        };
    }
}
