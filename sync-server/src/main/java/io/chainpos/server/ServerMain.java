package io.chainpos.server;

import io.chainpos.model.json.EventCodec;
import io.chainpos.server.auth.Access;
import io.chainpos.server.auth.AccountStore;
import io.chainpos.server.auth.AuthRoutes;
import io.chainpos.server.auth.Authenticator;
import io.chainpos.server.auth.Enrollment;
import io.chainpos.server.auth.Secrets;
import io.chainpos.server.auth.JdbcSignInFailures;
import io.chainpos.server.auth.JdbcUserAccounts;
import io.chainpos.server.auth.JdbcWebSessions;
import io.chainpos.server.auth.Lockout;
import io.chainpos.server.auth.SignIn;
import io.chainpos.server.auth.SignInPages;
import io.chainpos.server.auth.UserAccounts;
import io.chainpos.server.auth.UserPages;
import io.chainpos.server.auth.Users;
import io.chainpos.server.auth.WebSessions;
import io.chainpos.server.audit.AuditPages;
import io.chainpos.server.audit.JdbcAuditLog;
import io.chainpos.server.catalog.CatalogEditor;
import io.chainpos.server.catalog.CatalogPages;
import io.chainpos.server.exception.JdbcOpenExceptions;
import io.chainpos.server.promotion.Preview;
import io.chainpos.server.promotion.PromotionEditor;
import io.chainpos.server.promotion.PromotionPages;
import io.chainpos.server.sales.SalesPages;
import io.chainpos.server.sales.SalesReportPages;
import io.chainpos.server.sales.SalesTodayPage;
import io.chainpos.server.web.Formats;
import io.chainpos.server.home.HomePage;
import io.chainpos.server.home.JdbcHomeFacts;
import io.chainpos.server.exception.ExceptionPages;
import io.chainpos.server.exception.JdbcExceptionRecords;
import io.chainpos.server.exception.ResolveException;
import io.chainpos.server.stores.JdbcStores;
import io.chainpos.server.stores.StoreChanges;
import io.chainpos.server.stores.StorePages;
import io.chainpos.server.sync.JdbcTillActivity;
import io.chainpos.server.sync.TillContacts;
import io.chainpos.server.tills.JdbcEnrolledTills;
import io.chainpos.server.tills.JdbcTillChains;
import io.chainpos.server.tills.TillChainPage;
import io.chainpos.server.tills.TillEnrollments;
import io.chainpos.server.tills.TillsPage;
import io.chainpos.server.web.JdbcFormTokens;
import io.chainpos.server.web.PageRoute;
import io.chainpos.server.web.Pages;
import io.chainpos.server.web.Templates;
import io.chainpos.server.cli.Commands;
import io.chainpos.server.cli.ServerSettings;
import io.chainpos.server.cli.Services;
import io.chainpos.server.demo.DemoData;
import io.chainpos.server.exception.ExceptionRoutes;
import io.chainpos.server.headoffice.HeadOffice;
import io.chainpos.server.http.HttpApi;
import io.chainpos.server.http.Routes;
import io.chainpos.server.log.EventLog;
import io.chainpos.server.member.DuplicatePhones;
import io.chainpos.server.loyalty.DailyPeriodEnd;
import io.chainpos.server.liability.LiabilityPages;
import io.chainpos.server.loyalty.ExpiringPointsReport;
import io.chainpos.server.loyalty.ExpiringPointsPage;
import io.chainpos.server.loyalty.LoyaltyPages;
import io.chainpos.server.loyalty.LoyaltyRoutes;
import io.chainpos.server.loyalty.PeriodEnd;
import io.chainpos.server.member.JdbcMemberDirectory;
import io.chainpos.server.member.MemberReportPage;
import io.chainpos.server.member.MemberErasure;
import io.chainpos.server.member.MemberPages;
import io.chainpos.server.member.MemberProfilePage;
import io.chainpos.server.member.MemberRoutes;
import io.chainpos.server.metrics.ServerMeters;
import io.chainpos.server.stock.StockRoutes;
import io.chainpos.server.db.DatabaseSettings;
import io.chainpos.server.db.Storage;
import io.chainpos.server.sync.PullEvents;
import io.chainpos.server.sync.PullWaiters;
import io.chainpos.server.sync.PushEvents;
import io.chainpos.server.sync.SnapshotRoutes;
import io.chainpos.server.sync.SnapshotSpool;
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
    public static final java.time.ZoneId LOYALTY_ZONE = java.time.ZoneId.of(
            System.getenv().getOrDefault("CHAINPOS_LOYALTY_ZONE", "Asia/Shanghai"));

    private final Clock clock;
    private final RandomGenerator random;
    private final Secrets secrets;
    private final EventCodec codec = EventCodec.standard();
    /**
     * One set of ports per storage: each holds the log's projector, whose lock and recently stored events make one
     * catcher-up in this process. A second set would be a second projector taking turns with the first through the
     * database and reading the events back from it, and would take over the catch-up before reads.
     */
    private final Map<Storage, Ports> portsOf = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    public ServerMain(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
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
        return Storage.open(database);
    }

    /** Every feature's port over {@code storage}, the same each time for the same storage. */
    public Ports ports(Storage storage) {
        return portsOf.computeIfAbsent(storage, opened -> Ports.on(opened, codec, clock));
    }

    @Override
    public EventLog log(Storage storage) {
        return ports(storage).log();
    }

    @Override
    public AccountStore accounts(Storage storage) {
        return ports(storage).accounts();
    }

    @Override
    public io.chainpos.server.audit.AuditLog audit(Storage storage) {
        return new JdbcAuditLog(storage.database(), clock);
    }

    @Override
    public io.chainpos.server.member.KeysAtRest keysAtRest(Storage storage) {
        return ports(storage).keysAtRest();
    }

    /** Head office's accounts and their sign-in, on {@code storage}, auditing into its audit log. */
    @Override
    public Users users(Storage storage) {
        return new Parts(storage, ports(storage)).users;
    }

    /** The account pieces one server (or one command) uses, built once. */
    private final class Parts {
        final JdbcAuditLog audit;
        final UserAccounts accounts;
        final SignIn signIn;
        final Users users;

        Parts(Storage storage, Ports ports) {
            audit = new JdbcAuditLog(storage.database(), clock);
            accounts = new JdbcUserAccounts(storage.database());
            signIn = new SignIn(accounts, new JdbcSignInFailures(storage.database()), Lockout.STANDARD, audit, clock, secrets);
            users = new Users(accounts, ports.accounts(), signIn, audit, secrets, clock);
        }
    }

    /**
     * The adapters head office's read-only reports use, on {@link Storage#reports()}: the read replica when the
     * server has one. Which pages get these and which stay on the primary is {@link io.chainpos.server.db.ReportReads}'s rule.
     */
    private static final class ReportPorts {
        final io.chainpos.server.sales.SalesSeen sales;
        final io.chainpos.server.sales.SalesFacts salesFacts;
        final io.chainpos.server.sales.CoPurchases coPurchases;
        final io.chainpos.server.member.MemberActivities memberActivities;
        final io.chainpos.server.liability.Liabilities liabilities;
        final io.chainpos.server.stock.StockBook stockBook;
        final io.chainpos.server.stock.Stocktakes stocktakes;

        ReportPorts(io.chainpos.server.db.ReportReads reads) {
            sales = new io.chainpos.server.sales.JdbcSalesSeen(reads);
            salesFacts = new io.chainpos.server.sales.JdbcSalesFacts(reads);
            coPurchases = new io.chainpos.server.sales.JdbcCoPurchases(reads);
            memberActivities = new io.chainpos.server.member.JdbcMemberActivities(reads);
            liabilities = new io.chainpos.server.liability.JdbcLiabilities(reads);
            stockBook = new io.chainpos.server.stock.JdbcStockBook(reads);
            stocktakes = new io.chainpos.server.stock.JdbcStocktakes(reads);
        }
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
        Ports ports = ports(storage);
        ports.keysAtRest().checkOpens();
        Consumer<JettyConfig> listener = listener(settings); // an unusable certificate stops the start before anything runs
        // PostgreSQL's log is partitioned by month (V250): this month's and the next ones' partitions exist before use.
        AutoCloseable partitions = io.chainpos.server.log.JdbcEventPartitions.partitioned(storage.database())
                ? new io.chainpos.server.log.JdbcEventPartitions(storage.database()).keepAhead(clock) : () -> { };
        TillContacts contacts = new TillContacts(new JdbcTillActivity(storage.direct()), clock, TillContacts.WRITTEN_EVERY);
        PullWaiters waiters = new PullWaiters(settings.chainLinger(), random);
        EventLog log = waiters.watching(ports.log());
        waiters.watchOtherNodes(ports.log(), PullWaiters.DEFAULT_WATCH);
        HeadOffice headOffice = new HeadOffice(log, codec, clock);
        DuplicatePhones duplicatePhones = new DuplicatePhones(ports.members(), ports.phoneDuplicates(), headOffice);
        io.chainpos.server.log.ProjectorFollower projecting = new io.chainpos.server.log.ProjectorFollower(ports.projector(), java.time.Duration.ofSeconds(1),
                io.chainpos.server.log.ProjectorFollower.GATHER, duplicatePhones::publishNoted);
        if (settings.demoData()) {
            DemoData.seedIfEmpty(log, ports.members(), headOffice, clock);
        }
        ServerMeters meters = new ServerMeters(storage.kind());
        storage.replica().ifPresent(replica -> io.chainpos.server.metrics.ReplicaMeters.bind(replica, meters.registry()));
        ReportPorts reports = new ReportPorts(storage.reports());
        SyncMetrics metrics = new SyncMetrics(meters.registry());
        metrics.watch(waiters);
        Access access = new Access(new Authenticator(ports.accounts(), clock));
        PullEvents pulls = new PullEvents(log, clock, settings.pullRetention());
        PeriodEnd periodEnd = new PeriodEnd(ports.loyalty(), headOffice, LOYALTY_ZONE, clock);
        DailyPeriodEnd daily = new DailyPeriodEnd(periodEnd, LOYALTY_ZONE, clock);
        io.chainpos.server.member.SealingSchedule sealing = new io.chainpos.server.member.SealingSchedule(ports.sealing(), clock);
        if (!"off".equalsIgnoreCase(System.getenv("CHAINPOS_LOYALTY_SCHEDULE"))) {
            daily.start();
            sealing.start();
        }
        Routes health = routes -> routes.get("/health", ctx -> {
            log.isEmpty(); // touches the database: healthy means the store answers
            ctx.json(Map.of("status", "ok"));
        });
        Parts parts = new Parts(storage, ports);
        WebSessions sessions = new WebSessions(new JdbcWebSessions(storage.database()), secrets, clock, settings.web());
        JdbcOpenExceptions openExceptions = new JdbcOpenExceptions(storage.database());
        ExpiringPointsReport expiringPoints = new ExpiringPointsReport(ports.loyalty(), LOYALTY_ZONE);
        MemberErasure erasure = new MemberErasure(ports.members(), headOffice, parts.audit);
        JdbcMemberDirectory memberDirectory = new JdbcMemberDirectory(storage.database(), storage.keys());
        io.chainpos.server.member.NameIndexSchedule nameIndex = new io.chainpos.server.member.NameIndexSchedule(memberDirectory::indexNames).start();
        JdbcStores stores = new JdbcStores(storage.database());
        JdbcExceptionRecords exceptionRecords = new JdbcExceptionRecords(storage.database());
        TillEnrollments tillEnrollments = new TillEnrollments(new Enrollment(ports.accounts(), secrets, clock), ports.accounts(),
                id -> stores.find(id).isPresent(), parts.audit, clock);
        io.chainpos.server.stockplan.StockPlanning planning = new io.chainpos.server.stockplan.StockPlanning(ports.stockPlan(),
                ports.salesFacts(), headOffice, parts.audit, clock, Formats.DEFAULT_ZONE);
        java.util.function.Predicate<String> knownStore = id -> stores.find(id).isPresent() || ports.stockPlan().knowsStore(id);
        java.util.function.Predicate<String> knownSku = sku -> ports.catalog().find(sku).isPresent() || ports.stockPlan().knowsSku(sku);
        io.chainpos.server.messaging.MessagingSetup messaging = new io.chainpos.server.messaging.MessagingSetup(storage.database(),
                ports.members(), ports.memberActivities(), headOffice, memberDirectory::memberIdByCard, LOYALTY_ZONE, clock, System.getenv(),
                settings.demoData() ? java.util.Optional.of(java.nio.file.Path.of("messages.jsonl")) : java.util.Optional.empty(),
                day -> expiringPoints.within(day, io.chainpos.server.messaging.DailyReminders.POINTS_AHEAD_DAYS),
                () -> ports.promotions().tiers().stream().sorted(java.util.Comparator.comparingLong(
                        io.chainpos.model.event.TierRulesPublished.Tier::threshold)).map(io.chainpos.model.event.TierRulesPublished.Tier::code).toList(),
                new io.chainpos.server.messaging.MessagingSetup.Sources(ports.coPurchases(), ports.promotions(), ports.couponRedemptions(),
                        new io.chainpos.server.member.JdbcBirthdays(storage.database(), storage.keys()),
                        new io.chainpos.server.member.JdbcStoredValues(storage.database())));
        Pages pages = new Pages(new Templates(), sessions, openExceptions, new JdbcFormTokens(storage.database(), clock), stores, List.of(
                new HomePage(new JdbcHomeFacts(storage.reports(), openExceptions::byKind), openExceptions, ports.exceptions()::exceptions,
                        store -> planning.lowStock(store).size()),
                new SignInPages(parts.signIn, sessions, parts.users),
                new UserPages(parts.accounts, parts.users),
                new AuditPages(parts.audit),
                new StorePages(stores, new StoreChanges(stores, parts.audit, clock)),
                new TillsPage(new JdbcEnrolledTills(storage.database(), contacts::flushOrLog), tillEnrollments, clock),
                new TillChainPage(new JdbcEnrolledTills(storage.database(), contacts::flushOrLog), new JdbcTillChains(storage.database())),
                new ExceptionPages(exceptionRecords, new ResolveException(exceptionRecords, parts.audit, clock)),
                new io.chainpos.server.care.CarePages(ports.care(), new io.chainpos.server.care.Complaints(ports.care(), ports.members(),
                        headOffice, parts.audit, id -> stores.find(id).isPresent(), clock), clock),
                new CatalogPages(ports.catalog(), new CatalogEditor(ports.catalog(), headOffice, parts.audit, clock), clock),
                new PromotionPages(ports.promotions(), new PromotionEditor(ports.promotions(), headOffice, parts.audit, clock),
                        new Preview(ports.catalog(), ports.promotions()), clock),
                new SalesPages(reports.sales, store -> stores.zoneOf(store).orElse(Formats.DEFAULT_ZONE)),
                new SalesReportPages(reports.salesFacts, reports.sales, clock),
                new io.chainpos.server.sales.CoPurchasePages(reports.coPurchases, reports.sales, clock),
                new SalesTodayPage(reports.salesFacts, reports.sales, clock),
                new MemberPages(ports.members(), memberDirectory),
                new MemberReportPage(reports.memberActivities, reports.liabilities, clock),
                new MemberProfilePage(ports.members(), memberDirectory, log, erasure, parts.audit, codec,
                        new io.chainpos.server.member.JdbcMarketingConsent(storage.database()), messaging.messaging()::optOut),
                new LoyaltyPages(ports.loyalty(), headOffice, periodEnd, parts.audit, LOYALTY_ZONE, clock),
                new ExpiringPointsPage(expiringPoints, LOYALTY_ZONE, clock),
                messaging.pages(),
                new io.chainpos.server.stock.StockPages(reports.stockBook, stores::count),
                new io.chainpos.server.stock.StocktakePages(reports.stocktakes),
                new io.chainpos.server.stockplan.MinimumPages(ports.stockPlan(), planning, knownStore, knownSku),
                new io.chainpos.server.stockplan.ReorderPages(planning),
                new io.chainpos.server.stockplan.ProposalPages(ports.stockPlan(), planning, knownStore, knownSku),
                new LiabilityPages(reports.liabilities, days -> expiringPoints.within(java.time.LocalDate.now(clock.withZone(LOYALTY_ZONE)),
                        days).members().stream().mapToLong(ExpiringPointsReport.Line::points).sum(), clock)));
        storage.replica().ifPresent(replica -> pages.showingFreshness(() -> replica.fallenBack()
                ? java.util.Optional.of(io.chainpos.server.web.ReportFreshness.FiguresAsOf.fallenBack())
                : java.util.Optional.of(replica.lag().map(lag -> new io.chainpos.server.web.ReportFreshness.FiguresAsOf(
                        io.chainpos.server.web.ReportFreshness.Source.REPLICA, lag.asOf(), lag.events()))
                        .orElseGet(io.chainpos.server.web.ReportFreshness.FiguresAsOf::fallenBack))));
        if (storage.replica().isEmpty()) {
            pages.showingFreshness(new io.chainpos.server.web.ProjectionFreshness(ports.projector()::lag, Ports.READ_WAITS_FOR, clock));
        }
        io.chainpos.server.metrics.ProjectorMeters.bind(ports.projector(), meters.registry());
        SnapshotSpool spool = settings.snapshotSpool() != null ? new SnapshotSpool(settings.snapshotSpool(), clock)
                : SnapshotSpool.temporary(clock);
        Javalin app = HttpApi.create(codec, List.of(
                health,
                pages,
                meters.routes(settings.metricsToken()),
                new AuthRoutes(new Enrollment(ports.accounts(), secrets, clock, ports.members()::memberLookupSecret),
                        parts.users, codec, new JdbcSignInFailures(storage.database()), clock),
                new SyncRoutes(access, new PushEvents(log, metrics, pushed -> projecting.nudge()), pulls, waiters, codec,
                        metrics,
                        contacts),
                new SnapshotRoutes(access, log, pulls, codec, metrics, clock, spool),
                new MemberRoutes(access, ports.members(), log, erasure, codec),
                new StockRoutes(access, ports.stock()),
                new ExceptionRoutes(access, ports.exceptions()),
                new LoyaltyRoutes(access, periodEnd, expiringPoints, LOYALTY_ZONE, clock),
                messaging.optOuts()),
                listener);
        app.start(settings.host(), settings.port());
        if (Transport.decide(settings.host(), settings.tls() != null, true) instanceof Transport.PlainAllowed) {
            LOG.atWarn().setMessage("plain_http_allowed").addKeyValue("host", settings.host())
                    .addKeyValue("why", "tills send member keys and tokens in the clear on this address; use HTTPS").log();
        }
        if (!storage.keys().wraps()) {
            LOG.atWarn().setMessage("member_keys_unwrapped")
                    .addKeyValue("why", "no --kek-file: a copy of the database or a backup reveals members' data; "
                            + "make a key with 'sync-server kek add' (README, Security)").log();
        }
        LOG.atInfo().setMessage("server_started").addKeyValue("host", settings.host()).addKeyValue("port", app.port())
                .addKeyValue("keys_wrapped_with", storage.keys().currentId().orElse("none"))
                .addKeyValue("scheme", settings.tls() == null ? "http" : "https")
                .addKeyValue("database", storage.kind()).addKeyValue("pull_retention_days", settings.pullRetention().toDays()).log();
        return new RunningServer() {
            @Override
            public int port() {
                return app.port();
            }

            @Override
            public List<PageRoute> pageRoutes() {
                return pages.routes();
            }

            @Override
            public List<String> httpRoutes() {
                return app.unsafe.internalRouter.allHttpHandlers().stream()
                        .map(handler -> handler.endpoint.method + " " + handler.endpoint.path).toList();
            }

            @Override
            public void close() {
                waiters.close(); // the held pulls answer before the server stops taking requests
                app.stop();
                contacts.close(); // the last contacts written before the database closes
                spool.close();
                daily.close();
                sealing.close(); // before the database closes under it
                try {
                    partitions.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                nameIndex.close();
                projecting.close();
                messaging.close();
                meters.close();
                LOG.atInfo().setMessage("server_stopped").log();
            }
        };
    }
}
