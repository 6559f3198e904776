package io.chainpos.till.testing;

import io.chainpos.model.event.StaffAccountSet;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.loyalty.EarningRules;
import io.chainpos.till.TillProjections;
import io.chainpos.till.catalog.CatalogStore;
import io.chainpos.till.catalog.ImportProducts;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.TillIdentity;
import io.chainpos.till.loyalty.BalanceStore;
import io.chainpos.till.loyalty.ExpiringPoints;
import io.chainpos.till.loyalty.LoyaltyAtCheckout;
import io.chainpos.till.loyalty.LoyaltyStore;
import io.chainpos.till.loyalty.RedeemReward;
import io.chainpos.till.loyalty.RefundTopUp;
import io.chainpos.till.loyalty.TopUp;
import io.chainpos.till.member.MemberStore;
import io.chainpos.till.member.RegisterMember;
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
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

/** A real till ledger in a file, enrolled, with head office's demo catalog pulled in, and its use-cases. */
public final class TestTill implements AutoCloseable {
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final String OWNER_PIN = "8888";
    public static final String MANAGER_PIN = "2468";
    public static final String LOOKUP_SECRET = java.util.Base64.getEncoder().encodeToString(
            "test till phone lookup secret 32".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    public final EventCodec codec = EventCodec.standard();
    public final Clock clock;
    public final Ledger ledger;
    public final CatalogStore catalog = new CatalogStore(codec);
    public final MemberStore members;
    public final BalanceStore balances = new BalanceStore();
    public final LoyaltyStore loyalty = new LoyaltyStore(codec);
    public final ShiftStore shiftStore = new ShiftStore(codec);
    public final SaleStore sales = new SaleStore(codec);
    public final StaffStore staff = new StaffStore();
    public final SellingSettings settings;
    public final Checkout checkout;
    public final RegisterMember registerMember;
    public final Shifts shifts;
    public final io.chainpos.till.staff.PinGuard pinGuard;
    public final PinManagerApprovals approvals;
    public final SetUpStaff setUpStaff;
    public final RefundSale refunds;
    public final ImportProducts importProducts;
    public final LoyaltyAtCheckout loyaltyAtCheckout;
    public final TopUp topUp;
    public final RefundTopUp refundTopUp;
    public final RedeemReward redeemReward;
    public final ExpiringPoints expiringPoints;
    public final io.chainpos.till.stock.StockDesk stockDesk;

    public TestTill(Path file, Clock clock, String store, String till) {
        this(file, clock, store, till, SellingSettings.defaults(SHANGHAI));
    }

    /** A till that has not enrolled yet (first run): it enrolls through the sync server. */
    public TestTill(Path file, Clock clock) {
        this(file, clock, null, null, SellingSettings.defaults(SHANGHAI));
    }

    public TestTill(Path file, Clock clock, String store, String till, SellingSettings settings) {
        this(file, clock, store, till, settings, io.chainpos.till.member.KeyWrap.none());
    }

    /** A till whose member keys are wrapped by {@code wrap}, as the till program's are by its key file. */
    public TestTill(Path file, Clock clock, String store, String till, SellingSettings settings,
                    io.chainpos.till.member.KeyWrap wrap) {
        this.members = new MemberStore(new io.chainpos.till.member.MemberKeyStore(wrap));
        this.clock = clock;
        this.settings = settings;
        ledger = Ledger.open(file, clock, codec, TillProjections.standard(codec, wrap));
        if (store != null && ledger.identity().isEmpty()) {
            ledger.registration().enroll(new TillIdentity(new StoreId(store), new TillId(till), 1));
        }
        if (store != null) {
            // What enrollment hands a till: the chain's phone-lookup secret (a fixed one for tills that enroll without a server).
            ledger.writeState(session -> {
                if (members.keys().phoneLookup(session).isEmpty()) {
                    members.keys().keepLookupSecret(session, LOOKUP_SECRET);
                }
                return null;
            });
        }
        loyaltyAtCheckout = new LoyaltyAtCheckout(ledger, catalog, loyalty, new EarningRules(), settings.zone());
        checkout = new Checkout(ledger, catalog, members, balances, shiftStore, sales, loyaltyAtCheckout, settings, clock);
        topUp = new TopUp(ledger, members, balances, shiftStore, catalog, clock);
        refundTopUp = new RefundTopUp(ledger, loyalty, balances, shiftStore);
        redeemReward = new RedeemReward(ledger, members, balances, loyalty, loyaltyAtCheckout, catalog, clock);
        expiringPoints = new ExpiringPoints(ledger, loyalty, catalog, settings.zone(), clock);
        registerMember = new RegisterMember(ledger, members, clock, new Random(7), "NORMAL");
        shifts = new Shifts(ledger, shiftStore, clock);
        pinGuard = new io.chainpos.till.staff.PinGuard(ledger, clock);
        approvals = new PinManagerApprovals(ledger, staff, pinGuard);
        setUpStaff = new SetUpStaff(ledger, staff, approvals, new PinHasher(new SecureRandom()));
        refunds = new RefundSale(ledger, sales, shiftStore, balances, new ScanCode(catalog, members, settings.scale()),
                approvals, clock);
        importProducts = new ImportProducts(ledger, catalog);
        io.chainpos.till.stock.TransferStore transfers = new io.chainpos.till.stock.TransferStore();
        io.chainpos.till.stock.StockStore stockStore = new io.chainpos.till.stock.StockStore();
        stockDesk = new io.chainpos.till.stock.StockDesk(new io.chainpos.till.stock.ReceiveGoods(ledger, catalog),
                new io.chainpos.till.stock.SendTransfer(ledger, catalog, clock),
                new io.chainpos.till.stock.ReceiveTransfer(ledger, catalog, transfers),
                new io.chainpos.till.stock.CancelTransfer(ledger, transfers), transfers, stockStore,
                new io.chainpos.till.stock.Stocktaking(ledger, catalog, stockStore, new io.chainpos.till.stock.StocktakeStore(), approvals,
                        clock));
    }

    /** A till with head office's catalog pulled and a shift open with a 500.00 float, as at the start of a day. */
    public static TestTill withCatalog(Path file, Clock clock) {
        TestTill till = new TestTill(file, clock, "S001", "S001-T1");
        till.ledger.remote().applyPulled(new HeadOfficeEvents(clock).catalog(), 4);
        if (till.ledger.read(till.shiftStore::current).isEmpty()) {
            till.shifts.open("c1", 50_000);
        }
        return till;
    }

    /** An owner (PIN 8888) and a manager (PIN 2468) on this till. */
    public TestTill withStaff() {
        setUpStaff.save("owner", "店主", StaffAccountSet.Role.OWNER, OWNER_PIN, null);
        setUpStaff.save("manager", "王经理", StaffAccountSet.Role.MANAGER, MANAGER_PIN, OWNER_PIN);
        return this;
    }

    /** A product code (barcode, scale label or SKU) and a quantity in thousandths, as a cashier rings it up. */
    public record Line(String code, long qtyMilli) {
    }

    /** A sale as a test gives it: what is rung up, the member (or null), the tenders, the cashier. */
    public record Sale(List<Line> lines, io.chainpos.model.id.MemberId member, List<io.chainpos.model.event.Tender> tenders,
                       String cashier) {
        public Sale {
            lines = List.copyOf(lines);
            tenders = List.copyOf(tenders);
        }
    }

    /**
     * Sells the way the counter does, through a cashier's {@link SaleSession}: each code rung up, the member put on
     * the sale, the tenders added one by one. The answer is the checkout's: what was recorded, or why nothing was.
     */
    public Checkout.Result sell(Sale sale) {
        SaleSession session = session(sale.cashier());
        for (Line line : sale.lines()) {
            if (session.scan(line.code(), line.qtyMilli()) instanceof SaleSession.Refused refused) {
                return new Checkout.Rejected(refused.reason());
            }
        }
        if (sale.member() != null) {
            java.util.Optional<io.chainpos.till.member.Member> member = ledger.read(s -> members.findById(s, sale.member()));
            if (member.isEmpty()) {
                return new Checkout.Rejected(io.chainpos.till.TillMessage.of(io.chainpos.till.TillMessage.Code.MEMBER_UNKNOWN));
            }
            session.setMember(member.get());
        }
        return switch (session.pay(sale.tenders())) {
            case SaleSession.Paid paid -> paid.sale();
            case SaleSession.Refused refused -> new Checkout.Rejected(refused.reason());
            case SaleSession.Updated updated -> throw new IllegalStateException("paying either pays or refuses");
        };
    }

    public SaleSession session(String cashier) {
        return new SaleSession(ledger, checkout, members, approvals, settings, codec.mapper(), clock, cashier);
    }

    /** The command line's use-cases for a cashier at this till. */
    public io.chainpos.till.cli.Counter counter(String cashier) {
        return new io.chainpos.till.cli.Counter(session(cashier), registerMember, members, balances, catalog, shifts,
                refunds, setUpStaff, importProducts, clock, cashier, new io.chainpos.till.member.MemberDesk(
                        new io.chainpos.till.member.FindMember(ledger, members),
                        new io.chainpos.till.member.MemberHistory(ledger, members, codec, null),
                        new io.chainpos.till.member.EraseMember(ledger, members, approvals),
                        new io.chainpos.till.member.ImportMembers(ledger, registerMember, members)),
                new io.chainpos.till.loyalty.LoyaltyDesk(topUp, refundTopUp, redeemReward, expiringPoints, loyalty), stockDesk);
    }

    @Override
    public void close() {
        ledger.close();
    }
}
