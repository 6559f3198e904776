package io.chainpos.server;

import io.chainpos.model.json.EventCodec;
import io.chainpos.server.auth.Access;
import io.chainpos.server.auth.AuthRoutes;
import io.chainpos.server.auth.Authenticator;
import io.chainpos.server.auth.Enrollment;
import io.chainpos.server.auth.Secrets;
import io.chainpos.server.auth.Users;
import io.chainpos.server.cli.Commands;
import io.chainpos.server.cli.Services;
import io.chainpos.server.demo.DemoData;
import io.chainpos.server.exception.ExceptionRoutes;
import io.chainpos.server.headoffice.HeadOffice;
import io.chainpos.server.http.HttpApi;
import io.chainpos.server.http.Routes;
import io.chainpos.server.member.MemberRoutes;
import io.chainpos.server.stock.StockRoutes;
import io.chainpos.server.store.EventStore;
import io.chainpos.server.store.Storage;
import io.chainpos.server.sync.PushEvents;
import io.chainpos.server.sync.SyncRoutes;
import io.javalin.Javalin;
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
    public Storage openStorage(String database) {
        return Storage.open(database, clock, codec);
    }

    @Override
    public RunningServer start(Storage storage, String host, int port, boolean demoData) {
        EventStore events = storage.events();
        HeadOffice headOffice = new HeadOffice(events, codec, clock);
        if (demoData) {
            DemoData.seedIfEmpty(events, headOffice, clock);
        }
        Access access = new Access(new Authenticator(storage.accounts(), clock));
        Routes health = routes -> routes.get("/health", ctx -> {
            events.isEmpty(); // touches the database: healthy means the store answers
            ctx.json(Map.of("status", "ok"));
        });
        Javalin app = HttpApi.create(codec, List.of(
                health,
                new AuthRoutes(new Enrollment(storage.accounts(), secrets, clock), new Users(storage.accounts(), secrets, clock), codec),
                new SyncRoutes(access, new PushEvents(events), events, codec),
                new MemberRoutes(access, events),
                new StockRoutes(access, events),
                new ExceptionRoutes(access, events)));
        app.start(host, port);
        LOG.info("event=server_started host={} port={}", host, app.port());
        return new RunningServer() {
            @Override
            public int port() {
                return app.port();
            }

            @Override
            public void close() {
                app.stop();
                LOG.info("event=server_stopped");
            }
        };
    }
}
