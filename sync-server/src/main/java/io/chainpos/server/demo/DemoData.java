package io.chainpos.server.demo;

import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.event.CatalogItemUpserted.Unit;
import io.chainpos.model.event.Event;
import io.chainpos.model.event.Gender;
import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.TierRulesPublished;
import io.chainpos.model.event.TierRulesPublished.Tier;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.server.headoffice.HeadOffice;
import io.chainpos.server.log.EventLog;
import io.chainpos.server.member.Members;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.PersonalData;
import io.chainpos.model.member.PhoneLookup;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A convenience store's worth of head-office data for demos and first runs: products with valid EAN-13
 * barcodes (two sold by weight, typed in by SKU at the scale) with opening stock at the demo store, the four tiers, 1 point per yuan with
 * 100 points worth 1 yuan, and three members with opening points. Seeded only into an empty store.
 */
public final class DemoData {
    /** Fixed ids so the demo members are the same on every machine. */
    public static final MemberId ZHANG_WEI = new MemberId(UUID.fromString("01900000-0000-7000-8000-000000000001"));
    public static final MemberId LI_NA = new MemberId(UUID.fromString("01900000-0000-7000-8000-000000000002"));
    public static final MemberId WANG_FANG = new MemberId(UUID.fromString("01900000-0000-7000-8000-000000000003"));
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final String BARCODE_PREFIX = "6901234";
    /** The demo's stores: the demo command enrolls its till in the first. */
    public static final List<StoreId> STORES = List.of(StoreId.of("S001"));
    /** What each demo store holds of each product when the demo starts: 200 pieces, or 50 kg of a weighed one. */
    static final long OPENING_PIECES_MILLI = 200_000;
    static final long OPENING_WEIGHT_MILLI = 50_000;

    private DemoData() {
    }

    /** Seeds the demo into an empty store; a store that holds anything is left alone. True when seeded. */
    public static boolean seedIfEmpty(EventLog log, Members members, HeadOffice headOffice, Clock clock) {
        if (!log.isEmpty()) {
            LOG.info("event=demo_data_skipped reason=store_not_empty");
            return false;
        }
        List<MemberKey> keys = new ArrayList<>();
        List<Event> facts = events(clock.instant().truncatedTo(ChronoUnit.MILLIS), new PhoneLookup(members.memberLookupSecret()), keys);
        // The keys first: a till that pulls the members must find their keys already here.
        members.storeMemberKeys(keys);
        if (!headOffice.publishFirst(facts)) {
            LOG.info("event=demo_data_skipped reason=seeded_by_another_node");
            return false;
        }
        LOG.info("event=demo_data_seeded events={}", facts.size());
        return true;
    }

    /** Head office's demo facts; the demo members' data keys are added to {@code keys}. */
    public static List<Event> events(Instant effectiveFrom, PhoneLookup lookup, List<MemberKey> keys) {
        List<CatalogItemUpserted> catalog = catalog(effectiveFrom);
        List<Event> facts = new ArrayList<>(catalog);
        facts.addAll(openingStock(catalog));
        facts.add(tiers(effectiveFrom));
        facts.add(loyalty(effectiveFrom));
        facts.addAll(members(lookup, keys));
        return facts;
    }

    public static List<CatalogItemUpserted> catalog(Instant from) {
        return List.of(
                piece(from, 1, "可口可乐 330ml", "Coca-Cola 330ml can", "DRINKS", 350, 300L),
                piece(from, 2, "农夫山泉 550ml", "Nongfu Spring water 550ml", "DRINKS", 200, null),
                piece(from, 3, "康师傅冰红茶 500ml", "Master Kong iced tea 500ml", "DRINKS", 300, null),
                piece(from, 4, "红牛 250ml", "Red Bull 250ml", "DRINKS", 600, 550L),
                piece(from, 5, "雀巢咖啡 268ml", "Nescafe coffee 268ml", "DRINKS", 600, null),
                piece(from, 6, "伊利纯牛奶 250ml", "Yili pure milk 250ml", "DAIRY", 350, null),
                piece(from, 7, "蒙牛酸奶 200g", "Mengniu yogurt 200g", "DAIRY", 550, 500L),
                piece(from, 8, "康师傅红烧牛肉面", "Master Kong braised beef noodles", "INSTANT_FOOD", 450, 400L),
                piece(from, 9, "双汇火腿肠 40g", "Shuanghui ham sausage 40g", "INSTANT_FOOD", 200, null),
                piece(from, 10, "乐事薯片 原味 70g", "Lay's potato chips original 70g", "SNACKS", 750, null),
                piece(from, 11, "奥利奥饼干 97g", "Oreo cookies 97g", "SNACKS", 890, 790L),
                piece(from, 12, "士力架 51g", "Snickers 51g", "SNACKS", 400, null),
                piece(from, 13, "德芙巧克力 43g", "Dove chocolate 43g", "SNACKS", 950, null),
                piece(from, 14, "绿箭口香糖", "Doublemint chewing gum", "SNACKS", 250, null),
                piece(from, 15, "青岛啤酒 500ml", "Tsingtao beer 500ml", "ALCOHOL", 600, null),
                piece(from, 16, "清风抽纸 3包", "Breeze facial tissue 3 packs", "DAILY", 990, 890L),
                piece(from, 17, "中华牙膏 140g", "Zhonghua toothpaste 140g", "DAILY", 1290, null),
                piece(from, 18, "南孚电池 AA 2粒", "Nanfu AA batteries 2 pack", "DAILY", 1000, null),
                piece(from, 19, "茶叶蛋", "Tea egg", "FRESH", 200, null),
                weighed(from, 1, "香蕉", "Bananas", 698),
                weighed(from, 2, "富士苹果", "Fuji apples", 1280));
    }

    /**
     * Each demo store's opening stock of every product, booked in as the tills consume stock: a {@code StockChanged}
     * receipt per store and SKU (a till keeps its own store's), so the demo's sales do not go below zero.
     */
    public static List<StockChanged> openingStock(List<CatalogItemUpserted> catalog) {
        List<StockChanged> stock = new ArrayList<>();
        for (StoreId store : STORES) {
            for (CatalogItemUpserted item : catalog) {
                stock.add(new StockChanged(store, item.sku(), item.unit() == Unit.WEIGHT ? OPENING_WEIGHT_MILLI : OPENING_PIECES_MILLI,
                        StockChanged.Reason.RECEIPT, "OPENING_STOCK"));
            }
        }
        return stock;
    }

    private static CatalogItemUpserted piece(Instant from, int n, String zh, String en, String category, long price, Long memberPrice) {
        String barcode = Ean13.withCheckDigit(BARCODE_PREFIX + "%05d".formatted(n));
        // Agricultural produce and eggs carry China's lower VAT rate (9%); packaged goods 13%.
        int tax = category.equals("FRESH") ? 900 : 1300;
        return new CatalogItemUpserted(1, from, Sku.of("10%04d".formatted(n)), List.of(barcode), zh, en, category,
                Unit.PIECE, price, memberPrice, tax, true);
    }

    /** Price per kilogram; sold by weight, looked up by SKU at the scale, so no printed barcode. */
    private static CatalogItemUpserted weighed(Instant from, int n, String zh, String en, long pricePerKg) {
        return new CatalogItemUpserted(1, from, Sku.of("20%04d".formatted(n)), List.of(), zh, en, "FRUIT",
                Unit.WEIGHT, pricePerKg, null, 900, true);
    }

    static TierRulesPublished tiers(Instant from) {
        return new TierRulesPublished(1, from, TierRulesPublished.Basis.SPEND, 12, List.of(
                new Tier("NORMAL", "普通", "Regular", 0, 10_000, 10_000, 0),
                new Tier("SILVER", "银卡", "Silver", 100_000, 9_800, 12_000, 100),
                new Tier("GOLD", "金卡", "Gold", 500_000, 9_500, 15_000, 300),
                new Tier("DIAMOND", "钻石", "Diamond", 2_000_000, 9_000, 20_000, 1_000)));
    }

    /**
     * 1 point per yuan spent; 100 points pay 1 yuan, so a point is worth 1 fen; points last 24 months; a till
     * offline for over an hour lets a member redeem at most 5,000 points and pay at most 500.00 from stored value;
     * 充100送20 and 充500送150; a mug for 800 points.
     */
    static LoyaltyRulesPublished loyalty(Instant from) {
        return new LoyaltyRulesPublished(1, from, 1, Map.of(), List.of(), 100, 1, 24, 5_000, 60,
                List.of(new LoyaltyRulesPublished.TopUpBonus("充100送20", 10_000, 2_000),
                        new LoyaltyRulesPublished.TopUpBonus("充500送150", 50_000, 15_000)),
                List.of(new LoyaltyRulesPublished.Reward("MUG", "马克杯 Mug", io.chainpos.model.event.RewardRedeemed.Kind.GOODS, 800,
                        Sku.of("100001"), null)),
                50_000L);
    }

    static List<Event> members(PhoneLookup lookup, List<MemberKey> keys) {
        return List.of(
                member(keys, lookup, ZHANG_WEI, new PersonalData("13800000001", "张伟", LocalDate.of(1988, 3, 12)), Gender.MALE,
                        CardNo.of("880000000001"), "NORMAL", true),
                opening(ZHANG_WEI, 500),
                member(keys, lookup, LI_NA, new PersonalData("13800000002", "李娜", LocalDate.of(1992, 7, 25)), Gender.FEMALE,
                        CardNo.of("880000000002"), "SILVER", true),
                opening(LI_NA, 2_000),
                member(keys, lookup, WANG_FANG, new PersonalData("13800000003", "王芳", null), Gender.FEMALE,
                        CardNo.of("880000000003"), "GOLD", false),
                opening(WANG_FANG, 8_000));
    }

    private static MemberRegistered member(List<MemberKey> keys, PhoneLookup lookup, MemberId id, PersonalData data,
                                           Gender gender, CardNo card, String tier, boolean consent) {
        MemberKey key = MemberKey.generate(id);
        keys.add(key);
        return data.register(key, lookup, gender, card, tier, consent);
    }

    private static PointsChanged opening(MemberId member, long points) {
        return new PointsChanged(member, points, PointsChanged.Reason.ADJUST, null, List.of("OPENING_BALANCE"));
    }
}
