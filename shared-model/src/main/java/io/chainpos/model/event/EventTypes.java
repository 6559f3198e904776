package io.chainpos.model.event;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The stored name and current schema version of every event type. Names are written here by hand, never
 * derived from class names, so renaming a class cannot break a ledger.
 */
public final class EventTypes {

    /** One event type as stored. */
    public record Type(String name, int version, Class<? extends Event> javaType) {
    }

    public static final Type MEMBER_REGISTERED = new Type("MemberRegistered", 1, MemberRegistered.class);
    public static final Type MEMBER_PROFILE_CHANGED = new Type("MemberProfileChanged", 1, MemberProfileChanged.class);
    public static final Type MEMBERS_MERGED = new Type("MembersMerged", 1, MembersMerged.class);
    public static final Type SALE_COMPLETED = new Type("SaleCompleted", 1, SaleCompleted.class);
    public static final Type SALE_REFUNDED = new Type("SaleRefunded", 2, SaleRefunded.class);
    public static final Type POINTS_CHANGED = new Type("PointsChanged", 1, PointsChanged.class);
    public static final Type STORED_VALUE_CHANGED = new Type("StoredValueChanged", 1, StoredValueChanged.class);
    public static final Type STOCK_CHANGED = new Type("StockChanged", 1, StockChanged.class);
    public static final Type CATALOG_ITEM_UPSERTED = new Type("CatalogItemUpserted", 1, CatalogItemUpserted.class);
    public static final Type PRICE_LIST_PUBLISHED = new Type("PriceListPublished", 1, PriceListPublished.class);
    public static final Type PROMOTIONS_PUBLISHED = new Type("PromotionsPublished", 1, PromotionsPublished.class);
    public static final Type TIER_RULES_PUBLISHED = new Type("TierRulesPublished", 1, TierRulesPublished.class);
    public static final Type LOYALTY_RULES_PUBLISHED = new Type("LoyaltyRulesPublished", 1, LoyaltyRulesPublished.class);
    public static final Type DRAWER_OPENED = new Type("DrawerOpened", 1, DrawerOpened.class);
    public static final Type MANAGER_APPROVED = new Type("ManagerApproved", 1, ManagerApproved.class);
    // Issue 3, selling: shifts, voids, staff accounts for manager PINs, coupon use.
    public static final Type SHIFT_OPENED = new Type("ShiftOpened", 1, ShiftOpened.class);
    public static final Type CASH_MOVED = new Type("CashMoved", 1, CashMoved.class);
    public static final Type SHIFT_CLOSED = new Type("ShiftClosed", 1, ShiftClosed.class);
    public static final Type SALE_VOIDED = new Type("SaleVoided", 1, SaleVoided.class);
    public static final Type STAFF_ACCOUNT_SET = new Type("StaffAccountSet", 1, StaffAccountSet.class);
    public static final Type COUPON_REDEEMED = new Type("CouponRedeemed", 1, CouponRedeemed.class);
    // issue 4: member identity and privacy
    public static final Type MEMBER_ERASED = new Type("MemberErased", 1, MemberErased.class);
    // issue 4: points, tiers, stored value
    public static final Type MEMBER_TIER_CHANGED = new Type("MemberTierChanged", 1, MemberTierChanged.class);
    public static final Type STORED_VALUE_TOPPED_UP = new Type("StoredValueToppedUp", 1, StoredValueToppedUp.class);
    public static final Type TOP_UP_REFUNDED = new Type("TopUpRefunded", 1, TopUpRefunded.class);
    public static final Type REWARD_REDEEMED = new Type("RewardRedeemed", 1, RewardRedeemed.class);
    // issue 18: customer care
    public static final Type FEEDBACK_RECORDED = new Type("FeedbackRecorded", 1, FeedbackRecorded.class);
    public static final Type FEEDBACK_UPDATED = new Type("FeedbackUpdated", 1, FeedbackUpdated.class);

    // issue 15: receiving and transfers
    public static final Type STOCK_RECEIVED = new Type("StockReceived", 1, StockReceived.class);
    public static final Type TRANSFER_SENT = new Type("TransferSent", 1, TransferSent.class);
    public static final Type TRANSFER_RECEIVED = new Type("TransferReceived", 1, TransferReceived.class);
    public static final Type TRANSFER_CANCELLED = new Type("TransferCancelled", 1, TransferCancelled.class);
    // issue 15: stocktake
    public static final Type STOCKTAKE_COMPLETED = new Type("StocktakeCompleted", 1, StocktakeCompleted.class);

    // issue 15: head office's stock planning
    public static final Type STOCK_MINIMUM_SET = new Type("StockMinimumSet", 1, StockMinimumSet.class);
    public static final Type TRANSFER_PROPOSED = new Type("TransferProposed", 1, TransferProposed.class);

    public static final List<Type> ALL = List.of(
            MEMBER_REGISTERED, MEMBER_PROFILE_CHANGED, MEMBERS_MERGED,
            SALE_COMPLETED, SALE_REFUNDED,
            POINTS_CHANGED, STORED_VALUE_CHANGED,
            STOCK_CHANGED,
            CATALOG_ITEM_UPSERTED, PRICE_LIST_PUBLISHED, PROMOTIONS_PUBLISHED, TIER_RULES_PUBLISHED,
            LOYALTY_RULES_PUBLISHED,
            DRAWER_OPENED, MANAGER_APPROVED,
            // Issue 3, selling
            SHIFT_OPENED, CASH_MOVED, SHIFT_CLOSED, SALE_VOIDED, STAFF_ACCOUNT_SET, COUPON_REDEEMED,
            // issue 4: member identity and privacy
            MEMBER_ERASED,
            // issue 4: points, tiers, stored value
            MEMBER_TIER_CHANGED, STORED_VALUE_TOPPED_UP, TOP_UP_REFUNDED, REWARD_REDEEMED,
            // issue 18: customer care
            FEEDBACK_RECORDED, FEEDBACK_UPDATED,
            // issue 15: receiving and transfers
            STOCK_RECEIVED, TRANSFER_SENT, TRANSFER_RECEIVED, TRANSFER_CANCELLED,
            // issue 15: stocktake
            STOCKTAKE_COMPLETED,
            // issue 15: head office's stock planning
            STOCK_MINIMUM_SET, TRANSFER_PROPOSED);

    private static final Map<String, Type> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Type::name, Function.identity()));

    private EventTypes() {
    }

    /** The type of a known payload; for an {@link UnknownEvent} there is none. */
    public static Type typeOf(Event event) {
        return switch (event) {
            case MemberRegistered e -> MEMBER_REGISTERED;
            case MemberProfileChanged e -> MEMBER_PROFILE_CHANGED;
            case MembersMerged e -> MEMBERS_MERGED;
            case SaleCompleted e -> SALE_COMPLETED;
            case SaleRefunded e -> SALE_REFUNDED;
            case PointsChanged e -> POINTS_CHANGED;
            case StoredValueChanged e -> STORED_VALUE_CHANGED;
            case StockChanged e -> STOCK_CHANGED;
            case CatalogItemUpserted e -> CATALOG_ITEM_UPSERTED;
            case PriceListPublished e -> PRICE_LIST_PUBLISHED;
            case PromotionsPublished e -> PROMOTIONS_PUBLISHED;
            case TierRulesPublished e -> TIER_RULES_PUBLISHED;
            case LoyaltyRulesPublished e -> LOYALTY_RULES_PUBLISHED;
            case DrawerOpened e -> DRAWER_OPENED;
            case ManagerApproved e -> MANAGER_APPROVED;
            case ShiftOpened e -> SHIFT_OPENED;
            case CashMoved e -> CASH_MOVED;
            case ShiftClosed e -> SHIFT_CLOSED;
            case SaleVoided e -> SALE_VOIDED;
            case StaffAccountSet e -> STAFF_ACCOUNT_SET;
            case CouponRedeemed e -> COUPON_REDEEMED;
            case MemberErased e -> MEMBER_ERASED;
            case MemberTierChanged e -> MEMBER_TIER_CHANGED;
            case StoredValueToppedUp e -> STORED_VALUE_TOPPED_UP;
            case TopUpRefunded e -> TOP_UP_REFUNDED;
            case RewardRedeemed e -> REWARD_REDEEMED;
            case FeedbackRecorded e -> FEEDBACK_RECORDED;
            case FeedbackUpdated e -> FEEDBACK_UPDATED;
            case StockReceived e -> STOCK_RECEIVED;
            case TransferSent e -> TRANSFER_SENT;
            case TransferReceived e -> TRANSFER_RECEIVED;
            case TransferCancelled e -> TRANSFER_CANCELLED;
            case StocktakeCompleted e -> STOCKTAKE_COMPLETED;
            case StockMinimumSet e -> STOCK_MINIMUM_SET;
            case TransferProposed e -> TRANSFER_PROPOSED;
            case UnknownEvent e -> throw new IllegalArgumentException("an unknown event has no known type: " + e.type());
        };
    }

    public static String nameOf(Event event) {
        return event instanceof UnknownEvent unknown ? unknown.type() : typeOf(event).name();
    }

    static int currentVersionOf(Event event) {
        return typeOf(event).version();
    }

    public static Optional<Type> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
