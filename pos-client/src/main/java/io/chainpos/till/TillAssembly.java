package io.chainpos.till;

import io.chainpos.model.json.EventCodec;
import io.chainpos.model.loyalty.EarningRules;
import io.chainpos.model.scan.ScaleLayout;
import io.chainpos.till.backup.TillBackups;
import io.chainpos.till.catalog.CatalogStore;
import io.chainpos.till.catalog.ImportProducts;
import io.chainpos.till.catalog.SearchProducts;
import io.chainpos.till.cli.Counter;
import io.chainpos.till.device.Devices;
import io.chainpos.till.device.drawer.OpenDrawerNoSale;
import io.chainpos.till.device.qr.MemberCardCode;
import io.chainpos.till.device.settings.DeviceSettings;
import io.chainpos.till.device.settings.DeviceSettingsFile;
import io.chainpos.till.device.settings.InvalidSettingsException;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.TillIdentity;
import io.chainpos.till.loyalty.BalanceStore;
import io.chainpos.till.loyalty.ExpiringPoints;
import io.chainpos.till.loyalty.LoyaltyAtCheckout;
import io.chainpos.till.loyalty.LoyaltyDesk;
import io.chainpos.till.loyalty.LoyaltyStore;
import io.chainpos.till.loyalty.RedeemReward;
import io.chainpos.till.loyalty.RefundTopUp;
import io.chainpos.till.loyalty.TopUp;
import io.chainpos.till.loyalty.MemberAccounts;
import io.chainpos.till.member.EraseMember;
import io.chainpos.till.member.FindMember;
import io.chainpos.till.member.ImportMembers;
import io.chainpos.till.member.MemberDesk;
import io.chainpos.till.member.MemberHistory;
import io.chainpos.till.member.MemberStore;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.refund.RefundSale;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.sale.SaleSession;
import io.chainpos.till.sale.SaleStore;
import io.chainpos.till.sale.ScanCode;
import io.chainpos.till.sale.SellingSettings;
import io.chainpos.till.sale.SqliteReceiptSources;
import io.chainpos.till.security.TillProtection;
import io.chainpos.till.settings.TillSettings;
import io.chainpos.till.settings.TillSettingsFile;
import io.chainpos.till.shift.ShiftStore;
import io.chainpos.till.shift.Shifts;
import io.chainpos.till.staff.PinHasher;
import io.chainpos.till.staff.PinGuard;
import io.chainpos.till.staff.PinManagerApprovals;
import io.chainpos.till.staff.SetUpStaff;
import io.chainpos.till.staff.SignIn;
import io.chainpos.till.staff.StaffStore;
import io.chainpos.till.sync.EnrollTill;
import io.chainpos.till.sync.ServerAddress;
import io.chainpos.till.sync.OkHttpSyncApis;
import io.chainpos.till.sync.ServerTrust;
import io.chainpos.till.sync.SyncAgent;
import io.chainpos.till.sync.SyncApi;
import io.chainpos.till.sync.SyncWatch;
import io.chainpos.till.ui.TillUseCases;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An enrolled till put together: the sync agent, the counter hardware from {@code devices.properties} and every
 * use-case, for the screens ({@link #useCases}) and the command line ({@link #counter}). Built once the ledger has
 * its identity; closing it stops sync and the devices (the ledger is its owner's to close).
 */
public final class TillAssembly implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TillAssembly.class);
    /** The member screen's QR code: large enough to scan from a phone held at the counter. */
    private static final int MEMBER_QR_PIXELS = 220;

    /** Makes the sync port for a server address and device token (OkHttp in the app). */
    public interface SyncApis extends BiFunction<Supplier<URI>, Supplier<String>, SyncApi> {
        /** The port enrolling uses: it does not hold the server to the key of an earlier enrollment. */
        default SyncApi forEnrollment(URI url) {
            return apply(() -> url, () -> null);
        }

        /** Where the enrolled server's key is pinned, or null for a till that does not verify its server (tests). */
        default ServerTrust trust() {
            return null;
        }

        /** The app's: OkHttp verifying the server with its {@link ServerTrust}. */
        static SyncApis of(OkHttpSyncApis http) {
            return new SyncApis() {
                @Override
                public SyncApi apply(Supplier<URI> url, Supplier<String> token) {
                    return http.sync(url, token);
                }

                @Override
                public SyncApi forEnrollment(URI url) {
                    return http.enrolling(url);
                }

                @Override
                public ServerTrust trust() {
                    return http.trust();
                }
            };
        }
    }

    private final Ledger ledger;
    private final EventCodec codec;
    private final Clock clock;
    private final PinGuard pinGuard;
    private final Path data;
    private final SyncApis apis;
    private final ServerAddress server;
    /** The server's sync port, or null for a till not linked to one. */
    private final SyncApi syncApi;
    private final SyncAgent agent;
    private final SyncWatch sync;
    private final Devices devices;
    private final List<TillMessage> deviceProblems;
    private final SellingSettings selling;
    private final MemberStore members;
    private final TillProtection protection;
    private final BalanceStore balances = new BalanceStore();
    private final CatalogStore catalog;
    private final ShiftStore shiftStore;
    private final SaleStore sales;
    private final StaffStore staff = new StaffStore();
    private final Checkout checkout;
    private final LoyaltyDesk loyalty;
    private final io.chainpos.till.stock.StockDesk stock;
    private final PinManagerApprovals approvals;
    private final Shifts shifts;
    private final RefundSale refunds;
    private final SetUpStaff setUpStaff;
    private final RegisterMember registerMember;
    private final TillBackups backups;
    private final SearchProducts search;

    private TillAssembly(Ledger ledger, EventCodec codec, Clock clock, Path data, SyncApis apis, TillSettings settings,
                         TillProtection protection) {
        this.ledger = ledger;
        this.protection = protection;
        this.members = new MemberStore(protection.memberKeys());
        this.codec = codec;
        this.clock = clock;
        this.data = data;
        this.apis = apis;
        this.server = new ServerAddress(ledger);
        this.syncApi = server.url().isEmpty() ? null : apis.apply(() -> server.url().orElseThrow(), server::token);
        this.agent = syncApi == null ? null : new SyncAgent(ledger, syncApi, clock, new SecureRandom(),
                SyncAgent.Settings.defaults(), members.keys(),
                new io.chainpos.till.sync.SnapshotDownload(data.resolve("snapshot"), codec, clock));
        this.sync = new SyncWatch(ledger, agent, clock);
        List<TillMessage> problems = new ArrayList<>();
        this.devices = startDevices(problems);
        this.deviceProblems = List.copyOf(problems);
        this.selling = new SellingSettings(clock.getZone(), settings.cashRounding(), ScaleLayout.DEFAULT,
                settings.cashierDiscountLimitPercent() * 100);
        this.catalog = new CatalogStore(codec);
        this.shiftStore = new ShiftStore(codec);
        this.sales = new SaleStore(codec);
        LoyaltyStore loyaltyStore = new LoyaltyStore(codec);
        LoyaltyAtCheckout atCheckout = new LoyaltyAtCheckout(ledger, catalog, loyaltyStore, new EarningRules(), selling.zone());
        this.checkout = new Checkout(ledger, catalog, members, balances, shiftStore, sales, atCheckout, selling, clock);
        this.loyalty = new LoyaltyDesk(new TopUp(ledger, members, balances, shiftStore, catalog, clock),
                new RefundTopUp(ledger, loyaltyStore, balances, shiftStore),
                new RedeemReward(ledger, members, balances, loyaltyStore, atCheckout, catalog, clock),
                new ExpiringPoints(ledger, loyaltyStore, catalog, selling.zone(), clock), loyaltyStore);
        this.pinGuard = new PinGuard(ledger, clock);
        this.approvals = new PinManagerApprovals(ledger, staff, pinGuard);
        io.chainpos.till.stock.TransferStore transfers = new io.chainpos.till.stock.TransferStore();
        io.chainpos.till.stock.StockStore stockStore = new io.chainpos.till.stock.StockStore();
        this.stock = new io.chainpos.till.stock.StockDesk(new io.chainpos.till.stock.ReceiveGoods(ledger, catalog),
                new io.chainpos.till.stock.SendTransfer(ledger, catalog, clock),
                new io.chainpos.till.stock.ReceiveTransfer(ledger, catalog, transfers),
                new io.chainpos.till.stock.CancelTransfer(ledger, transfers), transfers, stockStore,
                new io.chainpos.till.stock.Stocktaking(ledger, catalog, stockStore, new io.chainpos.till.stock.StocktakeStore(), approvals,
                        clock));
        if (agent != null) {
            io.chainpos.till.stock.UndoLaterReceipt undoLaterReceipt = new io.chainpos.till.stock.UndoLaterReceipt(ledger);
            agent.afterEachPull(undoLaterReceipt::undo);
        }
        this.shifts = new Shifts(ledger, shiftStore, clock);
        this.refunds = new RefundSale(ledger, sales, shiftStore, balances, new ScanCode(catalog, members, selling.scale()),
                approvals, clock);
        this.setUpStaff = new SetUpStaff(ledger, staff, approvals, new PinHasher(new SecureRandom()));
        this.registerMember = new RegisterMember(ledger, members, clock, new SecureRandom(), "NORMAL");
        this.backups = new TillBackups(ledger.file(), settings.backupFolder(), data.resolve("backups"),
                settings.backupKeep(), clock);
        this.search = prepareSearch();
    }

    /** Puts an enrolled till together and starts syncing in the background. */
    public static TillAssembly start(Ledger ledger, EventCodec codec, Clock clock, Path data, SyncApis apis,
                                     TillSettings settings) {
        return start(ledger, codec, clock, data, apis, settings, TillProtection.none());
    }

    /** As the till program starts it: members' keys wrapped by its key file, the data folder checked. */
    public static TillAssembly start(Ledger ledger, EventCodec codec, Clock clock, Path data, SyncApis apis,
                                     TillSettings settings, TillProtection protection) {
        if (ledger.identity().isEmpty()) {
            throw new IllegalStateException("enroll the till before starting it");
        }
        TillAssembly till = new TillAssembly(ledger, codec, clock, data, apis, settings, protection);
        if (till.agent != null) {
            till.agent.start();
        }
        till.backups.start(ledger);
        return till;
    }

    /**
     * Product names are read into memory in the background once the sale screen asks ({@link SearchProducts#readAhead})
     * and after each sync from then on (a cheap check when the catalog did not change), so a cashier's first search
     * answers within a frame without the reading slowing the till's start.
     */
    private SearchProducts prepareSearch() {
        SearchProducts reader = new SearchProducts(ledger, catalog, clock);
        java.util.concurrent.ExecutorService names = java.util.concurrent.Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("product-names").factory());
        java.util.concurrent.atomic.AtomicBoolean wanted = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean queued = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable prepare = () -> {
            if (wanted.get() && queued.compareAndSet(false, true)) {
                names.execute(() -> {
                    queued.set(false);
                    try {
                        reader.prepare();
                    } catch (RuntimeException e) {
                        org.slf4j.LoggerFactory.getLogger(TillAssembly.class).atWarn().setMessage("search.prepareFailed")
                                .addKeyValue("reason", e.getMessage()).log();
                    }
                });
            }
        };
        if (agent != null) {
            agent.onStatus(status -> prepare.run());
        }
        return new SearchProducts(ledger, catalog, clock, () -> {
            wanted.set(true);
            prepare.run();
        });
    }

    /** The catalog's generation whose product names are in memory for searching (0: none read yet). */
    public long productNamesReadAt() {
        return catalog.namesReadAt();
    }

    /** Enrollment with head office's one-time code, through the same sync port. */
    public static EnrollTill enrollment(Ledger ledger, SyncApis apis) {
        return enrollment(ledger, apis, TillProtection.none());
    }

    /** Enrollment keeping the lookup secret wrapped by the till's key file. */
    public static EnrollTill enrollment(Ledger ledger, SyncApis apis, TillProtection protection) {
        return new EnrollTill(ledger, apis::forEnrollment, apis.trust(), protection.memberKeys());
    }

    public SyncAgent agent() {
        return agent;
    }

    /** The ledger's backups: after every shift close, once a day, and on demand. */
    public TillBackups backups() {
        return backups;
    }

    public Devices devices() {
        return devices;
    }

    /** Why the device settings could not be used (nothing prints until they are fixed), or nothing. */
    public List<TillMessage> deviceProblems() {
        return deviceProblems;
    }

    public TillIdentity identity() {
        return ledger.identity().orElseThrow();
    }

    public TillUseCases useCases() {
        TillIdentity self = identity();
        return new TillUseCases(self.storeId(), self.tillId(), this::session, selling,
                search, new MemberAccounts(ledger, members, balances, catalog, clock), registerMember,
                new MemberCardCode(MEMBER_QR_PIXELS), loyalty.topUp(), new io.chainpos.till.care.RecordFeedback(ledger, members, clock), refunds, shifts,
                new SignIn(ledger, staff, pinGuard), setUpStaff, new OpenDrawerNoSale(ledger, approvals), devices.reprint(),
                devices.printer(), devices.display(), sync,
                new TillUseCases.Settings(new DeviceSettingsFile(data), new TillSettingsFile(data), server,
                        enrollment(ledger, apis, protection), backups),
                devices::startScanner, () -> protection.warnings(server::url), stock, clock);
    }

    /** The command line's use-cases for {@code cashier}. */
    public Counter counter(String cashier) {
        MemberDesk memberDesk = new MemberDesk(new FindMember(ledger, members),
                new MemberHistory(ledger, members, codec, syncApi == null ? null : syncApi::memberHistory),
                new EraseMember(ledger, members, approvals), new ImportMembers(ledger, registerMember, members));
        return new Counter(session(cashier), registerMember, members, balances, catalog, shifts, refunds, setUpStaff,
                new ImportProducts(ledger, catalog), clock, cashier, memberDesk, loyalty, stock);
    }

    public OpenDrawerNoSale noSale() {
        return new OpenDrawerNoSale(ledger, approvals);
    }

    private SaleSession session(String cashier) {
        return new SaleSession(ledger, checkout, members, approvals, selling, codec.mapper(), clock, cashier);
    }

    /**
     * The counter hardware from {@code devices.properties}, written with its defaults on the first run so the owner
     * finds it. Settings that cannot be used leave the till selling without devices; {@code problems} says why.
     */
    private Devices startDevices(List<TillMessage> problems) {
        DeviceSettingsFile file = new DeviceSettingsFile(data);
        try {
            DeviceSettings settings = file.load();
            if (!Files.exists(file.path())) {
                file.save(settings);
            }
            log.info("devices.started printer={} settings={}", settings.printer().transport(), file.path());
            return Devices.start(settings, ledger, new SqliteReceiptSources(ledger, codec), members, balances, clock);
        } catch (InvalidSettingsException e) {
            problems.addAll(e.problems());
            log.warn("devices.unusable problems={}", e.problems().size());
            return Devices.unusable("the device settings in " + file.path() + " cannot be used", ledger, new SqliteReceiptSources(ledger, codec), members,
                    balances, clock);
        } catch (IOException e) {
            problems.add(TillMessage.of(TillMessage.Code.SETTINGS_UNREADABLE, file.path().toString()));
            log.warn("devices.unreadable", e);
            return Devices.unusable("cannot read " + file.path(), ledger, new SqliteReceiptSources(ledger, codec), members, balances, clock);
        }
    }

    @Override
    public void close() {
        if (agent != null) {
            agent.close();
        }
        backups.close();
        devices.close();
    }
}
