package io.chainpos.till;

import io.chainpos.model.json.EventCodec;
import io.chainpos.till.catalog.CatalogStore;
import io.chainpos.till.cli.CommandLineTill;
import io.chainpos.till.cli.DeviceCommands;
import io.chainpos.till.device.Devices;
import io.chainpos.till.device.drawer.OpenDrawerNoSale;
import io.chainpos.till.device.settings.DeviceSettings;
import io.chainpos.till.device.settings.DeviceSettingsFile;
import io.chainpos.till.device.settings.InvalidSettingsException;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.LedgerException;
import io.chainpos.till.ledger.ServerLink;
import io.chainpos.till.loyalty.BalanceStore;
import io.chainpos.till.member.EraseMember;
import io.chainpos.till.member.FindMember;
import io.chainpos.till.member.ImportMembers;
import io.chainpos.till.member.MemberDesk;
import io.chainpos.till.member.MemberHistory;
import io.chainpos.till.member.MemberStore;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.model.loyalty.EarningRules;
import io.chainpos.till.loyalty.ExpiringPoints;
import io.chainpos.till.loyalty.LoyaltyAtCheckout;
import io.chainpos.till.loyalty.LoyaltyDesk;
import io.chainpos.till.loyalty.LoyaltyStore;
import io.chainpos.till.loyalty.RedeemReward;
import io.chainpos.till.loyalty.RefundTopUp;
import io.chainpos.till.loyalty.TopUp;
import io.chainpos.model.pricing.CashRounding;
import io.chainpos.model.scan.ScaleLayout;
import io.chainpos.till.catalog.ImportProducts;
import io.chainpos.till.cli.Counter;
import io.chainpos.till.refund.RefundSale;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.sale.SaleSession;
import io.chainpos.till.sale.SaleStore;
import io.chainpos.till.sale.ScanCode;
import io.chainpos.till.sale.SellingSettings;
import io.chainpos.till.shift.ShiftStore;
import io.chainpos.till.shift.Shifts;
import io.chainpos.till.staff.PinHasher;
import io.chainpos.till.staff.PinManagerApprovals;
import io.chainpos.till.staff.SetUpStaff;
import io.chainpos.till.staff.StaffStore;
import io.chainpos.till.sync.EnrollTill;
import io.chainpos.till.sync.OkHttpSyncApi;
import io.chainpos.till.sync.SyncAgent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The till's composition root: opens the ledger, enrolls on first run, starts sync, and runs the counter. */
@Command(name = "till", mixinStandardHelpOptions = true, description = "Runs a ChainPOS till at this counter.")
public final class TillMain implements Callable<Integer> {

    @Option(names = "--data", description = "Folder for the till's ledger (default: ${DEFAULT-VALUE}).",
            defaultValue = "${user.home}/.chainpos/till")
    Path data;

    @Option(names = "--server", description = "Sync server address, e.g. http://192.168.1.10:8080 (first run).")
    String server;

    @Option(names = "--enroll", description = "One-time enrollment code from head office (first run).")
    String enrollCode;

    @Option(names = "--cashier", description = "Who is selling (default: ${DEFAULT-VALUE}).", defaultValue = "cashier")
    String cashier;

    @Option(names = "--cash-rounding", description = "Rounding of sale totals: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            defaultValue = "NONE")
    CashRounding rounding;

    /**
     * The counter hardware from {@code devices.properties} in the data folder, written with its defaults on the
     * first run so the owner finds it. Settings that cannot be used leave the till selling without devices.
     */
    private Devices startDevices(Ledger ledger, EventCodec codec, MemberStore members, BalanceStore balances, Clock clock) {
        DeviceSettingsFile file = new DeviceSettingsFile(data);
        try {
            DeviceSettings settings = file.load();
            if (!Files.exists(file.path())) {
                file.save(settings);
            }
            Devices devices = Devices.start(settings, ledger, codec, members, balances, clock);
            System.out.println("receipts print to " + settings.printer().transport().name().toLowerCase(Locale.ROOT) + " "
                    + settings.printer().address() + " (settings: " + file.path() + ")");
            return devices;
        } catch (InvalidSettingsException e) {
            System.err.println("the device settings cannot be used, so nothing prints until they are fixed:");
            e.problems().forEach(problem -> System.err.println("  " + problem));
            return Devices.unusable("the device settings in " + file.path() + " cannot be used", ledger, codec, members,
                    balances, clock);
        } catch (IOException e) {
            System.err.println("cannot read the device settings " + file.path() + ": " + e.getMessage());
            return Devices.unusable("cannot read " + file.path(), ledger, codec, members, balances, clock);
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new TillMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Clock clock = Clock.systemDefaultZone();
        EventCodec codec = EventCodec.standard();
        OkHttpClient http = OkHttpSyncApi.defaultClient();
        Ledger ledger;
        try {
            ledger = Ledger.open(data.resolve("till.db"), clock, codec, TillProjections.standard(codec));
        } catch (LedgerException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        try (ledger) {
            if (enrollCode != null) {
                EnrollTill.Result result = new EnrollTill(ledger, url -> new OkHttpSyncApi(http, codec, () -> url, () -> null))
                        .enroll(server, enrollCode);
                if (!(result instanceof EnrollTill.Enrolled enrolled)) {
                    System.err.println("enrollment failed: " + result);
                    return 2;
                }
                System.out.println("enrolled as till " + enrolled.identity().tillId() + " of store "
                        + enrolled.identity().storeId() + " (epoch " + enrolled.identity().epoch() + ")");
            }
            if (ledger.identity().isEmpty()) {
                System.err.println("this till is not enrolled yet: run it once with --server <address> --enroll <code> "
                        + "(head office prints a code with: sync-server enroll --store <store> --till <till>)");
                return 2;
            }
            Optional<ServerLink> link = ledger.serverLink();
            SyncAgent agent = link.map(l -> new SyncAgent(ledger,
                    new OkHttpSyncApi(http, codec, () -> URI.create(l.serverUrl()), l::token),
                    clock, new SecureRandom(), SyncAgent.Settings.defaults())).orElse(null);
            if (agent != null && enrollCode != null) {
                // Just enrolled: fetch the catalog, rules and members before the first customer.
                System.out.println("fetching the catalog and members from the server...");
                try {
                    SyncAgent.Round round = agent.syncOnce();
                    System.out.println("received " + round.pulled() + " records");
                } catch (java.io.IOException | RuntimeException e) {
                    System.err.println("the first sync failed (" + e.getMessage() + "); the till retries in the background");
                }
            }
            if (agent != null) {
                agent.start();
            }
            MemberStore members = new MemberStore();
            BalanceStore balances = new BalanceStore();
            try (Devices devices = startDevices(ledger, codec, members, balances, clock)) {
                CatalogStore catalog = new CatalogStore(codec);
                ShiftStore shiftStore = new ShiftStore(codec);
                SaleStore sales = new SaleStore(codec);
                StaffStore staff = new StaffStore();
                SellingSettings settings = new SellingSettings(clock.getZone(), rounding, ScaleLayout.DEFAULT, 1000);
                LoyaltyStore loyaltyStore = new LoyaltyStore(codec);
                LoyaltyAtCheckout atCheckout = new LoyaltyAtCheckout(ledger, catalog, loyaltyStore, new EarningRules(), settings.zone());
                Checkout checkout = new Checkout(ledger, catalog, members, balances, shiftStore, sales, atCheckout, settings, clock);
                LoyaltyDesk loyalty = new LoyaltyDesk(new TopUp(ledger, members, balances, shiftStore, catalog, clock),
                        new RefundTopUp(ledger, loyaltyStore, balances, shiftStore),
                        new RedeemReward(ledger, members, balances, loyaltyStore, atCheckout, catalog, clock),
                        new ExpiringPoints(ledger, loyaltyStore, catalog, settings.zone(), clock), loyaltyStore);
                PinManagerApprovals approvals = new PinManagerApprovals(ledger, staff);
                RegisterMember registerMember = new RegisterMember(ledger, members, clock, new SecureRandom(), "NORMAL");
                MemberDesk memberDesk = new MemberDesk(new FindMember(ledger, members),
                        new MemberHistory(ledger, members, codec, link.<MemberHistory.ChainHistory>map(l ->
                                new OkHttpSyncApi(http, codec, () -> URI.create(l.serverUrl()), l::token)::memberHistory).orElse(null)),
                        new EraseMember(ledger, members, approvals), new ImportMembers(ledger, registerMember, members));
                Counter counter = new Counter(
                        new SaleSession(ledger, checkout, members, approvals, settings, codec.mapper(), clock, cashier),
                        registerMember, members, balances,
                        catalog, new Shifts(ledger, shiftStore, clock),
                        new RefundSale(ledger, sales, shiftStore, balances, new ScanCode(catalog, members, settings.scale()),
                                approvals, clock),
                        new SetUpStaff(ledger, staff, approvals, new PinHasher(new SecureRandom())),
                        new ImportProducts(ledger, catalog), clock, cashier, memberDesk, loyalty);
                DeviceCommands hardware = new DeviceCommands(devices, Optional.of(new OpenDrawerNoSale(ledger, approvals)),
                        cashier, ledger.identity().orElseThrow().tillId(), clock, System.out);
                CommandLineTill till = new CommandLineTill(ledger, counter, agent, System.out, hardware);
                devices.startScanner(scan -> till.scanned(scan.code()));
                till.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
            } finally {
                if (agent != null) {
                    agent.close();
                }
            }
            return 0;
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
