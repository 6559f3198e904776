package io.chainpos.server.merge;

import io.chainpos.model.event.AuditEvent;
import io.chainpos.model.event.BalanceEvent;
import io.chainpos.model.event.CareEvent;
import io.chainpos.model.event.CouponRedeemed;
import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.EventTypes;
import io.chainpos.model.event.HeadOfficeEvent;
import io.chainpos.model.event.MemberEvent;
import io.chainpos.model.event.MemberTierChanged;
import io.chainpos.model.event.RewardRedeemed;
import io.chainpos.model.event.StoredValueToppedUp;
import io.chainpos.model.event.TopUpRefunded;
import io.chainpos.model.event.SaleEvent;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.StockEvent;
import io.chainpos.model.event.StockReceived;
import io.chainpos.model.event.StocktakeCompleted;
import io.chainpos.model.event.UnknownEvent;

/**
 * Which tills receive an event on pull. Members, points, stored value and everything head office says are
 * chain-wide facts, and so are tier changes and rewards; sales, top-ups, stock movements, goods received and stocktakes stay in their store (a till needs them for refunds at another
 * counter, other stores do not), and so do a counter's audit records (drawer openings, approvals). Transfers between stores are chain-wide.
 */
public enum EventScope {
    CHAIN, STORE;

    public static EventScope of(EventEnvelope envelope) {
        if (HeadOfficeTill.TILL.equals(envelope.tillId()) || HeadOfficeTill.STORE.equals(envelope.storeId())) {
            return CHAIN;
        }
        return of(envelope.payload());
    }

    static EventScope of(Event payload) {
        return switch (payload) {
            case MemberEvent e -> CHAIN;
            case BalanceEvent e -> CHAIN;
            case HeadOfficeEvent e -> CHAIN;
            // A coupon code is good once anywhere in the chain: every till must learn it is used.
            case CouponRedeemed e -> CHAIN;
            case SaleEvent e -> STORE;
            case StockChanged e -> STORE;
            case StockReceived e -> STORE;
            // A stocktake is its own store's: the other tills of the store learn of it, the rest of the chain need not.
            case StocktakeCompleted e -> STORE;
            // A transfer concerns two stores, and a pulled event reaches the tills of one store or of all: the
            // receiving store must learn it was sent, the sender that it arrived, and every store may see what is
            // in transit. Transfers are few beside sales.
            case StockEvent e -> CHAIN;
            // Head office's own (minimums, proposed transfers): every till may read them, the envelope already says so.
            case io.chainpos.model.event.StockPlanEvent e -> CHAIN;
            case AuditEvent e -> STORE;
            // Tiers and rewards are the member's everywhere; a top-up and its refund are a counter's takings.
            case MemberTierChanged e -> CHAIN;
            case RewardRedeemed e -> CHAIN;
            case StoredValueToppedUp e -> STORE;
            case TopUpRefunded e -> STORE;
            // A complaint taken at a counter is its store's and head office's business, not the other stores'.
            case CareEvent e -> STORE;
            case UnknownEvent unknown -> ofUnknown(unknown);
        };
    }

    /**
     * A newer version of a known type keeps its type's scope. A type this server has never heard of goes to
     * every till: it must be passed on, never dropped, and a newer till may be the one that can read it.
     */
    private static EventScope ofUnknown(UnknownEvent unknown) {
        return EventTypes.byName(unknown.type())
                .map(type -> type.javaType() != CouponRedeemed.class && SaleEvent.class.isAssignableFrom(type.javaType())
                        || StockChanged.class.isAssignableFrom(type.javaType())
                        || type.javaType() == StockReceived.class || type.javaType() == StocktakeCompleted.class
                        || type.javaType() == StoredValueToppedUp.class || type.javaType() == TopUpRefunded.class
                        || AuditEvent.class.isAssignableFrom(type.javaType())
                        || CareEvent.class.isAssignableFrom(type.javaType()) ? STORE : CHAIN)
                .orElse(CHAIN);
    }
}
