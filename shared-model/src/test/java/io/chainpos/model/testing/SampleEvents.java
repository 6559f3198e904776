package io.chainpos.model.testing;

import io.chainpos.model.event.AppliedPromotion;
import io.chainpos.model.event.Discrepancy;
import io.chainpos.model.event.StockLine;
import io.chainpos.model.event.StockReceived;
import io.chainpos.model.event.TransferCancelled;
import io.chainpos.model.event.StocktakeCompleted;
import io.chainpos.model.event.StocktakeLine;
import io.chainpos.model.event.StocktakeScope;
import io.chainpos.model.event.TransferReceived;
import io.chainpos.model.event.TransferSent;
import io.chainpos.model.event.StockMinimumSet;
import io.chainpos.model.event.TransferProposed;
import io.chainpos.model.id.TransferId;
import io.chainpos.model.event.CashMoved;
import io.chainpos.model.event.CouponRedeemed;
import io.chainpos.model.event.SaleVoided;
import io.chainpos.model.event.ShiftClosed;
import io.chainpos.model.event.ShiftOpened;
import io.chainpos.model.event.StaffAccountSet;
import io.chainpos.model.promotion.Promotion;
import io.chainpos.model.promotion.Rule;
import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.event.DrawerOpened;
import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.EventTypes;
import io.chainpos.model.event.Gender;
import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.event.ManagerApproved;
import io.chainpos.model.event.MemberProfileChanged;
import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.event.MembersMerged;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.MemberTierChanged;
import io.chainpos.model.event.RewardRedeemed;
import io.chainpos.model.event.FeedbackRecorded;
import io.chainpos.model.event.FeedbackUpdated;
import io.chainpos.model.id.FeedbackId;
import io.chainpos.model.event.StoredValueToppedUp;
import io.chainpos.model.event.TopUpRefunded;
import io.chainpos.model.id.TopUpId;
import io.chainpos.model.event.PriceListPublished;
import io.chainpos.model.event.PromotionsPublished;
import io.chainpos.model.event.RefundLine;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.SaleRefunded;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.StoredValueChanged;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.event.TierRulesPublished;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.id.EventId;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.RefundId;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.id.ShiftId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.event.MemberErased;
import io.chainpos.model.member.Sealed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One fixed, fully filled example of every event type, for round-trip and golden-file tests. */
public final class SampleEvents {
    public static final MemberId MEMBER = new MemberId(UUID.fromString("0192f0a0-0000-7000-8000-000000000001"));
    public static final MemberId OTHER_MEMBER = new MemberId(UUID.fromString("0192f0a0-0000-7000-8000-000000000002"));
    public static final SaleId SALE = new SaleId(UUID.fromString("0192f0a0-0000-7000-8000-000000000010"));
    public static final ShiftId SHIFT = new ShiftId(UUID.fromString("0192f0a0-0000-7000-8000-000000000030"));
    public static final TopUpId TOP_UP = new TopUpId(UUID.fromString("0192f0a0-0000-7000-8000-000000000040"));
    public static final FeedbackId FEEDBACK = new FeedbackId(UUID.fromString("0192f0a0-0000-7000-8000-000000000050"));
    public static final TransferId TRANSFER = new TransferId(UUID.fromString("0192f0a0-0000-7000-8000-000000000050"));
    public static final TransferId PROPOSAL = new TransferId(UUID.fromString("0192f0a0-0000-7000-8000-000000000051"));
    public static final Instant AT = Instant.parse("2026-11-23T03:15:30.250Z");

    private SampleEvents() {
    }

    /** Every known type, keyed by its stored name, in {@link EventTypes#ALL} order. */
    public static Map<String, Event> all() {
        Map<String, Event> all = new LinkedHashMap<>();
        all.put("MemberRegistered", new MemberRegistered(MEMBER,
                "5b0ad4f1a4c3e1d2b3a49586f7e8d9c0b1a29384756f6e5d4c3b2a1908f7e6d5",
                new Sealed("m1.q83vEjRWeJq83vEjvnZPp1ZS9bWJjK8p3hpgLwL2fh0Zq3uMXVHA"),
                new Sealed("m1.EjRWeJq83vEjRWeJx8OA0Ufj5XNkyP1r1yKAbNjYJ4xqv6M"), Gender.MALE,
                new Sealed("m1.NFZ4mrze8BI0VniavN7wEn1Txi0X0tE7nIb2Uqz7ZpUk8w9sSA"), new CardNo("880000000017"), "NORMAL", true));
        all.put("MemberProfileChanged", new MemberProfileChanged(MEMBER, null, null,
                new Sealed("m1.VnianN7wEjRWeJq8DO4NqpIu9fYTrGN0U2yd7EuMQS0"), null, null, "SILVER", false));
        all.put("MembersMerged", new MembersMerged(MEMBER, OTHER_MEMBER, "SAME_PHONE"));
        AppliedPromotion memberPrice = new AppliedPromotion("MEMBER-PRICE", "会员价", 200);
        all.put("SaleCompleted", new SaleCompleted(SALE, new ReceiptNo("S001-T1-1-000042"), MEMBER, "CNY",
                List.of(new SaleLine(new Sku("690001"), "可口可乐 330ml", 2000, 350, 200, 500, List.of(memberPrice)),
                        new SaleLine(new Sku("210001"), "苹果", 1250, 1280, 0, 1600, List.of())),
                List.of(new AppliedPromotion("MJ-100-10", "满100减10", 0)),
                2300, 200, 2100,
                List.of(new Tender(TenderMethod.CASH, 2000, null),
                        new Tender(TenderMethod.MOBILE_WALLET, 100, "WX4200001234")),
                0, 7, "cashier-01"));
        all.put("SaleRefunded", new SaleRefunded(new RefundId(UUID.fromString("0192f0a0-0000-7000-8000-000000000020")),
                SALE, "CNY", List.of(new RefundLine(new Sku("690001"), "可口可乐 330ml", 1000, 250)), 250,
                List.of(new Tender(TenderMethod.CASH, 250, null)), "damaged", null, "S001-T1-1-R000001"));
        all.put("PointsChanged", new PointsChanged(MEMBER, 21, PointsChanged.Reason.EARN, SALE, List.of("BASE:1/yuan on 21.00"), 2100));
        all.put("StoredValueChanged", new StoredValueChanged(MEMBER, -1000, StoredValueChanged.Reason.PAY, SALE, -200, null));
        all.put("StockChanged", new StockChanged(new StoreId("S001"), new Sku("690001"), -2000,
                StockChanged.Reason.SALE, SALE.toString()));
        all.put("CatalogItemUpserted", new CatalogItemUpserted(3, AT, new Sku("690001"), List.of("6901234567892"),
                "可口可乐 330ml", "Coca-Cola 330ml", "DRINKS", CatalogItemUpserted.Unit.PIECE, 350, 250L, 1300, true));
        all.put("PriceListPublished", new PriceListPublished(7, AT,
                List.of(new PriceListPublished.Entry(new Sku("690001"), 350, 250L))));
        all.put("PromotionsPublished", new PromotionsPublished(2, AT, List.of(
                new Promotion("MJ-100-10", "满100减10", "Save 10 on 100", 10, false, AT, null, List.of(),
                        List.of("DRINKS"), new Rule.SpendXSaveY(10000, 1000, true)),
                new Promotion("HAPPY-HOUR", "限时9折", "Happy hour 10% off", 20, true, AT,
                        Instant.parse("2026-12-31T16:00:00Z"), List.of("690001"), List.of(),
                        new Rule.TimeWindowDiscount(9000, LocalTime.of(17, 0), LocalTime.of(19, 0))),
                new Promotion("WELCOME5", "新人券", "Welcome coupon", 30, false, null, null, List.of(), List.of(),
                        new Rule.Coupon(List.of("WELCOME5-0001"), 500, 0, 2000)))));
        all.put("TierRulesPublished", new TierRulesPublished(1, AT, TierRulesPublished.Basis.SPEND, 12, List.of(
                new TierRulesPublished.Tier("NORMAL", "普通", "Regular", 0, 10000, 10000, 0),
                new TierRulesPublished.Tier("SILVER", "银卡", "Silver", 100000, 9800, 12000, 100))));
        all.put("LoyaltyRulesPublished", new LoyaltyRulesPublished(1, AT, 1, Map.of("DRINKS", 20000),
                List.of(new LoyaltyRulesPublished.DateMultiplier("国庆", LocalDate.of(2026, 10, 1),
                        LocalDate.of(2026, 10, 7), 20000)),
                50, 1, 12, 500, 60,
                List.of(new LoyaltyRulesPublished.TopUpBonus("充100送20", 10000, 2000)),
                List.of(new LoyaltyRulesPublished.Reward("CUP", "马克杯", RewardRedeemed.Kind.GOODS, 800, new Sku("900001"), null),
                        new LoyaltyRulesPublished.Reward("COUPON-5", "5元券", RewardRedeemed.Kind.COUPON, 500, null, "WELCOME5")),
                20_000L));
        all.put("DrawerOpened", new DrawerOpened(DrawerOpened.Reason.NO_SALE, null, "cashier-01", "manager-02"));
        all.put("ManagerApproved", new ManagerApproved("PRICE_OVERRIDE", "manager-02", "cashier-01",
                SALE.toString(), "100001: 3.50 -> 2.80"));
        all.put("ShiftOpened", new ShiftOpened(SHIFT, "cashier-01", 50000));
        all.put("CashMoved", new CashMoved(SHIFT, CashMoved.Direction.OUT, 20000, "banked at noon", "cashier-01"));
        all.put("ShiftClosed", new ShiftClosed(SHIFT, "cashier-01", 31990, 32000));
        all.put("SaleVoided", new SaleVoided(3, 2350, "customer left", "cashier-01", "manager-02"));
        all.put("StaffAccountSet", new StaffAccountSet("manager-02", "张经理", StaffAccountSet.Role.MANAGER,
                "pbkdf2-sha256$20000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g", "S001", true));
        all.put("CouponRedeemed", new CouponRedeemed("WELCOME5-0001", "WELCOME5", SALE));
        // issue 4: member identity and privacy
        all.put("MemberErased", new MemberErased(MEMBER, "hq:privacy-officer"));
        // issue 4: points, tiers, stored value
        all.put("MemberTierChanged", new MemberTierChanged(MEMBER, "NORMAL", "SILVER", MemberTierChanged.Direction.UPGRADE,
                1, LocalDate.of(2026, 1, 1), 100500, SALE));
        all.put("StoredValueToppedUp", new StoredValueToppedUp(TOP_UP, new ReceiptNo("S001-T1-1-000043"), MEMBER, 10000, 2000,
                "充100送20", List.of(new Tender(TenderMethod.CASH, 10000, null)), 0, "cashier-01"));
        all.put("TopUpRefunded", new TopUpRefunded(TOP_UP, MEMBER, 10000, 2000, List.of(new Tender(TenderMethod.CASH, 10000, null)),
                "cashier-01", "manager-02"));
        all.put("RewardRedeemed", new RewardRedeemed(MEMBER, "CUP", RewardRedeemed.Kind.GOODS, 800, new Sku("900001"), null,
                "cashier-01"));
        // issue 18: customer care
        all.put("FeedbackRecorded", new FeedbackRecorded(FEEDBACK, MEMBER, new StoreId("S001"), FeedbackRecorded.Category.SERVICE,
                null, new Sealed("m1.AAECAwQFBgcICQoLbWVtYmVyIGZlZWRiYWNrIHNlYWxlZA"), "cashier-01", FeedbackRecorded.Channel.TILL));
        all.put("FeedbackUpdated", new FeedbackUpdated(FEEDBACK, FeedbackUpdated.Status.IN_PROGRESS, "store-manager-s001",
                null, new Sealed("m1.AAECAwQFBgcICQoLaGFuZGxlciBub3RlIHNlYWxlZA"), "hq-admin"));
        all.put("StockReceived", new StockReceived("S001-T1-1-G000001", new StoreId("S001"), "康师傅 华东配送中心", "DN-20261123-07",
                List.of(new StockLine(new Sku("690001"), 23000, 210L), new StockLine(new Sku("210001"), 5250, null)),
                List.of(new Discrepancy(new Sku("690001"), 1000, Discrepancy.Reason.SHORT, null),
                        new Discrepancy(new Sku("690001"), 2000, Discrepancy.Reason.DAMAGED, "罐子压扁")), "cashier-01"));
        List<StockLine> sent = List.of(new StockLine(new Sku("690001"), 12000, null), new StockLine(new Sku("900001"), 2000, 800L));
        all.put("TransferSent", new TransferSent(TRANSFER, "S001-T1-1-T000001", new StoreId("S001"), new StoreId("S002"), sent,
                "cashier-01"));
        all.put("TransferReceived", new TransferReceived(TRANSFER, "S001-T1-1-T000001", new StoreId("S001"), new StoreId("S002"),
                List.of(new StockLine(new Sku("690001"), 11000, null), new StockLine(new Sku("900001"), 2000, 800L)),
                List.of(new Discrepancy(new Sku("690001"), 1000, Discrepancy.Reason.SHORT, null)), "cashier-07"));
        all.put("TransferCancelled", new TransferCancelled(TRANSFER, "S001-T1-1-T000001", new StoreId("S001"), new StoreId("S002"),
                sent, "manager-02", "truck broke down"));
        all.put("StocktakeCompleted", new StocktakeCompleted("S001-T1-1-K000001", new StoreId("S001"),
                new StocktakeScope(StocktakeScope.Kind.CATEGORY, "DRINKS"), Instant.parse("2026-11-23T02:40:00Z"),
                List.of(StocktakeLine.of(new Sku("690001"), 21000, 23000), StocktakeLine.of(new Sku("690002"), 5000, 4000),
                        StocktakeLine.of(new Sku("690003"), 0, 3000)),
                true, "cashier-01", "manager-02", "王经理"));
        all.put("StockMinimumSet", new StockMinimumSet(new StoreId("S002"), new Sku("690001"), 24000, "hq-admin"));
        all.put("TransferProposed", new TransferProposed(PROPOSAL, "P000001", new StoreId("S001"), new StoreId("S002"),
                List.of(new StockLine(new Sku("690001"), 12000, null)), "hq-admin", "S002 低于最低库存"));
        return all;
    }

    public static EventEnvelope envelope(Event payload, long tillSeq) {
        return new EventEnvelope(new EventId(UUID.fromString("0192f0a0-0000-7000-8000-%012d".formatted(100 + tillSeq))),
                new StoreId("S001"), new TillId("S001-T1"), 1, tillSeq, (AT.toEpochMilli() << 16) + tillSeq, AT, payload);
    }
}
