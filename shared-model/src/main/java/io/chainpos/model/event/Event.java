package io.chainpos.model.event;

/**
 * The payload of every business fact. Families are sealed so that a {@code switch} over them breaks the
 * build wherever a new event type is not handled. Stored names and versions live in {@link EventTypes}.
 */
public sealed interface Event permits MemberEvent, SaleEvent, BalanceEvent, StockChanged, HeadOfficeEvent, AuditEvent, LoyaltyEvent, CareEvent, StockEvent, StockPlanEvent, UnknownEvent {
}
