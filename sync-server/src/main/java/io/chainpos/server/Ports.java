package io.chainpos.server;

import io.chainpos.model.json.EventCodec;
import io.chainpos.server.auth.AccountStore;
import io.chainpos.server.catalog.Catalog;
import io.chainpos.server.catalog.JdbcCatalog;
import io.chainpos.server.catalog.JdbcCatalogProjection;
import io.chainpos.server.auth.JdbcAccountStore;
import io.chainpos.server.db.Database;
import io.chainpos.server.db.Storage;
import io.chainpos.server.exception.ExceptionLog;
import io.chainpos.server.exception.JdbcExceptionLog;
import io.chainpos.server.log.EventLog;
import io.chainpos.server.log.JdbcEventLog;
import io.chainpos.server.log.Projection;
import io.chainpos.server.log.Projector;
import io.chainpos.server.loyalty.LogLoyaltyFacts;
import io.chainpos.server.loyalty.LoyaltyFacts;
import io.chainpos.server.liability.JdbcLiabilities;
import io.chainpos.server.liability.JdbcLiabilityProjection;
import io.chainpos.server.liability.Liabilities;
import io.chainpos.server.member.JdbcMemberActivities;
import io.chainpos.server.member.JdbcMemberActivityProjection;
import io.chainpos.server.member.MemberActivities;
import io.chainpos.server.member.JdbcMemberEventIndex;
import io.chainpos.server.member.JdbcMemberProjection;
import io.chainpos.server.member.JdbcMembers;
import io.chainpos.server.member.Members;
import io.chainpos.server.promotion.JdbcPromotionProjection;
import io.chainpos.server.promotion.JdbcPromotions;
import io.chainpos.server.promotion.Promotions;
import io.chainpos.server.sales.JdbcSalesFacts;
import io.chainpos.server.sales.JdbcSalesFactsProjection;
import io.chainpos.server.sales.JdbcSalesProjection;
import io.chainpos.server.sales.SalesFacts;
import io.chainpos.server.sales.JdbcSalesSeen;
import io.chainpos.server.sales.SalesSeen;
import io.chainpos.server.stock.JdbcStockLevels;
import io.chainpos.server.stock.JdbcStockProjection;
import io.chainpos.server.stock.StockLevels;
import io.chainpos.server.stores.JdbcStores;
import io.chainpos.server.web.StoreZones;
import java.time.Clock;
import java.util.List;

/**
 * Every feature's port over one opened database, wired here and only here: the log with the projections
 * registered on it, and each feature's own adapter.
 */
public final class Ports {
    /**
     * How many events at most a read waits for the projections to merge first (about half a second of the projector's
     * work): more than that is a flood the {@link io.chainpos.server.log.ProjectorFollower} merges while pages show the
     * figures as they stand, their lag in the metrics.
     */
    static final long READ_WAITS_FOR = 4_000;

    private final EventLog log;
    private final Members members;
    private final StockLevels stock;
    private final io.chainpos.server.stock.StockBook stockBook;
    private final io.chainpos.server.stock.Stocktakes stocktakes;
    private final ExceptionLog exceptions;
    private final AccountStore accounts;
    private final LoyaltyFacts loyalty;
    private final Catalog catalog;
    private final Promotions promotions;
    private final SalesSeen sales;
    private final SalesFacts salesFacts;

    private final io.chainpos.server.member.SealingCheck sealing;
    private final MemberActivities memberActivities;
    private final Liabilities liabilities;
    private final io.chainpos.server.sales.CoPurchases coPurchases;
    private final io.chainpos.server.promotion.CouponRedemptions couponRedemptions;
    private final io.chainpos.server.member.KeysAtRest keysAtRest;
    private final io.chainpos.server.care.CareBook care;
    private final io.chainpos.server.stock.StockPlanBook stockPlan;
    private final Projector projector;
    private final Database caughtUp;
    private final io.chainpos.server.member.PhoneDuplicates phoneDuplicates;

    private Ports(Database database, Database db, io.chainpos.server.db.KeyRing ring, EventCodec codec, Clock clock) {
        JdbcEventLog jdbcLog = new JdbcEventLog(database, codec, clock, projections(new JdbcStores(database)),
                new JdbcExceptionLog(database));
        this.log = jdbcLog;
        this.projector = jdbcLog.projector();
        // Every feature reads its projections caught up with the log (db); the log, and the accounts a push's token is
        // checked against, use the database itself, so a push never waits on a projection.
        this.caughtUp = db;
        JdbcExceptionLog exceptionLog = new JdbcExceptionLog(db);
        this.members = new JdbcMembers(db, ring);
        this.stock = new JdbcStockLevels(db);
        this.stockBook = new io.chainpos.server.stock.JdbcStockBook(db);
        this.stocktakes = new io.chainpos.server.stock.JdbcStocktakes(db);
        this.exceptions = exceptionLog;
        this.accounts = new JdbcAccountStore(database);
        this.loyalty = new LogLoyaltyFacts(new io.chainpos.server.member.JdbcPointsFacts(db), log);
        this.catalog = new JdbcCatalog(db);
        this.promotions = new JdbcPromotions(db, codec);
        this.sales = new JdbcSalesSeen(db);
        this.salesFacts = new JdbcSalesFacts(db);
        this.sealing = new io.chainpos.server.member.JdbcSealingCheck(db, ring, codec, exceptionLog);
        this.memberActivities = new JdbcMemberActivities(db);
        this.liabilities = new JdbcLiabilities(db);
        this.coPurchases = new io.chainpos.server.sales.JdbcCoPurchases(db);
        this.couponRedemptions = new io.chainpos.server.promotion.JdbcCouponRedemptions(db);
        this.keysAtRest = new io.chainpos.server.member.JdbcKeysAtRest(db, ring);
        this.care = new io.chainpos.server.care.JdbcCareBook(db);
        this.stockPlan = new io.chainpos.server.stock.JdbcStockPlanBook(db);
        this.phoneDuplicates = new io.chainpos.server.member.JdbcPhoneDuplicates(database, clock); // read after a catch-up
    }

    /** The phones the projector noted as shared by members head office has not merged yet. */
    public io.chainpos.server.member.PhoneDuplicates phoneDuplicates() {
        return phoneDuplicates;
    }

    /** Members' keys and the chain's secrets as wrapped at rest. */
    public io.chainpos.server.member.KeysAtRest keysAtRest() {
        return keysAtRest;
    }

    /** Minimums, positions and proposed transfers, for head office's stock planning. */
    public io.chainpos.server.stock.StockPlanBook stockPlan() {
        return stockPlan;
    }

    /** Customer feedback and complaints as merged. */
    public io.chainpos.server.care.CareBook care() {
        return care;
    }

    /** What members bought together, for head office. */
    public io.chainpos.server.sales.CoPurchases coPurchases() {
        return coPurchases;
    }

    /** The coupon codes sales used. */
    public io.chainpos.server.promotion.CouponRedemptions couponRedemptions() {
        return couponRedemptions;
    }

    /** Registrations checked against the keys their tills uploaded. */
    public io.chainpos.server.member.SealingCheck sealing() {
        return sealing;
    }

    public static Ports on(Storage storage, EventCodec codec, Clock clock) {
        Ports ports = new Ports(storage.direct(), storage.database(), storage.keys(), codec, clock);
        storage.projectionsCaughtUpBy(() -> ports.projector.catchUpWithin(READ_WAITS_FOR), ports.projector::catchUp);
        return ports;
    }

    /**
     * The projections the log merges into, in the order it calls them (a snapshot carries their sums in this
     * order too). A rebuild empties the tables each declares; a test checks the schema has no other.
     *
     * @param zones each store's time zone, which files its sales on its own local days
     */
    public static List<Projection> projections(StoreZones zones) {
        return List.of(new JdbcMemberProjection(), new io.chainpos.server.member.JdbcPhoneDuplicatesProjection(),
                new io.chainpos.server.member.JdbcPointsLotsProjection(ServerMain.LOYALTY_ZONE), new JdbcMemberEventIndex(), new JdbcStockProjection(),
                new io.chainpos.server.stock.JdbcTransferProjection(), new io.chainpos.server.stock.JdbcStocktakeProjection(),
                new JdbcCatalogProjection(),
                new JdbcPromotionProjection(EventCodec.standard()), new JdbcSalesProjection(), new JdbcSalesFactsProjection(zones),
                new JdbcMemberActivityProjection(), new JdbcLiabilityProjection(),
                new io.chainpos.server.sales.JdbcMemberPurchasesProjection(zones), new io.chainpos.server.care.JdbcCareProjection(),
                new io.chainpos.server.stock.JdbcStockPlanProjection(), new io.chainpos.server.promotion.JdbcCouponRedemptionsProjection());
    }

    public EventLog log() {
        return log;
    }

    /** What merges the log into the projections, behind the pushes. */
    public Projector projector() {
        return projector;
    }

    /**
     * The database with the projections caught up before each use: what an adapter reading a projection outside this
     * class is built on. The sync path (tokens, till contacts) uses the storage's database instead.
     */
    public Database caughtUp() {
        return caughtUp;
    }

    public Members members() {
        return members;
    }

    public StockLevels stock() {
        return stock;
    }

    /** The stocktakes approved at the tills, for head office's pages. */
    public io.chainpos.server.stock.Stocktakes stocktakes() {
        return stocktakes;
    }

    /** Stock per store and chain, transfers and discrepancies, for head office's pages. */
    public io.chainpos.server.stock.StockBook stockBook() {
        return stockBook;
    }

    public ExceptionLog exceptions() {
        return exceptions;
    }

    public AccountStore accounts() {
        return accounts;
    }

    public LoyaltyFacts loyalty() {
        return loyalty;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Promotions promotions() {
        return promotions;
    }

    public SalesSeen sales() {
        return sales;
    }

    public SalesFacts salesFacts() {
        return salesFacts;
    }

    public MemberActivities memberActivities() {
        return memberActivities;
    }

    public Liabilities liabilities() {
        return liabilities;
    }
}
