package io.chainpos.model.member;

import io.chainpos.model.event.BalanceEvent;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.MemberErased;
import io.chainpos.model.event.MemberEvent;
import io.chainpos.model.event.MembersMerged;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.id.MemberId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One line of a member's history as the server answers it and the till shows it when offline: who wrote it,
 * what kind of event, and its facts. Personal fields are opened with the key of the id that wrote them, or shown
 * as {@code null} once that key is gone (erased); the phone's keyed hash is never shown.
 */
public record HistoryEntry(Instant occurredAt, String storeId, String tillId, String type, String memberId,
                           Map<String, Object> fields) {

    /** The history line of {@code e}, or empty when the event is not part of a member's history. */
    public static Optional<HistoryEntry> of(EventEnvelope e, Function<MemberId, Optional<MemberKey>> keys) {
        Map<String, Object> fields = new LinkedHashMap<>();
        String member;
        switch (e.payload()) {
            case MembersMerged m -> {
                member = m.memberId().toString();
                fields.put("mergedId", m.mergedId().toString());
                fields.put("reason", m.reason());
            }
            case MemberErased erased -> {
                member = erased.memberId().toString();
                fields.put("authorizedBy", erased.authorizedBy());
            }
            case MemberEvent m -> {
                member = m.memberId().toString();
                Optional<MemberKey> key = keys.apply(m.memberId());
                MemberProfile.writtenBy(m).forEach((field, value) -> {
                    if (field != MemberProfile.Field.PHONE_HASH) {
                        fields.put(field.stored(), field.personal()
                                ? key.flatMap(k -> k.open(new Sealed(value))).orElse(null) : value);
                    }
                });
            }
            case SaleCompleted sale -> {
                member = String.valueOf(sale.memberId());
                fields.put("saleId", sale.saleId().toString());
                fields.put("receiptNo", sale.receiptNo().value());
                fields.put("total", sale.total());
                fields.put("lines", sale.lines().size());
            }
            case BalanceEvent balance -> {
                member = balance.memberId().toString();
                fields.put("account", balance instanceof PointsChanged ? "POINTS" : "STORED_VALUE");
                fields.put("delta", balance.delta());
                fields.put("saleId", balance.saleId() == null ? null : balance.saleId().toString());
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(new HistoryEntry(e.occurredAt(), e.storeId().value(), e.tillId().value(), e.type(), member, fields));
    }
}
