package io.chainpos.server.member;

import io.chainpos.model.event.BalanceEvent;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.MemberErased;
import io.chainpos.model.event.MemberEvent;
import io.chainpos.model.event.MembersMerged;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.MemberProfile;
import io.chainpos.model.member.Sealed;
import io.chainpos.model.sync.MemberView;
import io.chainpos.server.store.EventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A member's history across every store, read from the log: profile writes (personal fields opened with the
 * key of the id that wrote them, or shown as {@code null} once erased), merges, sales, points and stored value.
 */
final class MemberHistories {

    /** One thing that happened to the member, where and when. {@code fields} are what it wrote or moved. */
    record Entry(Instant occurredAt, String storeId, String tillId, String type, String memberId, Map<String, Object> fields) {
    }

    record History(String memberId, List<String> memberIds, List<Entry> entries) {
    }

    /** What head office hands a member who asks for their data. */
    record Export(String memberId, List<String> memberIds, Map<String, String> profile, long pointsBalance,
                  long storedValueBalance, List<Entry> history) {
    }

    private final EventStore store;

    MemberHistories(EventStore store) {
        this.store = store;
    }

    Optional<History> history(MemberId memberId) {
        List<MemberId> family = store.memberFamily(memberId);
        if (family.isEmpty()) {
            return Optional.empty();
        }
        Map<String, MemberKey> keys = store.memberKeys(family).stream()
                .collect(Collectors.toMap(k -> k.memberId().toString(), Function.identity()));
        List<Entry> entries = new ArrayList<>();
        for (EventEnvelope e : store.memberHistory(family)) {
            entry(e, keys).ifPresent(entries::add);
        }
        return Optional.of(new History(family.getFirst().toString(), family.stream().map(MemberId::toString).toList(), entries));
    }

    Optional<Export> export(MemberId memberId) {
        Optional<History> history = history(memberId);
        Optional<MemberView> view = store.member(memberId);
        if (history.isEmpty() || view.isEmpty()) {
            return Optional.empty();
        }
        // The current profile: the last write of each field across the family, as the history shows it.
        Map<String, String> profile = new LinkedHashMap<>();
        profile.put("cardNo", view.get().cardNo());
        for (Entry entry : history.get().entries()) {
            if (entry.type().equals("MemberRegistered") || entry.type().equals("MemberProfileChanged")) {
                entry.fields().forEach((k, v) -> profile.put(k, v == null ? null : v.toString()));
            }
        }
        profile.remove("phoneHash");
        profile.put("name", view.get().name());
        profile.put("phone", view.get().phone());
        profile.put("tierCode", view.get().tierCode());
        return Optional.of(new Export(view.get().memberId(), history.get().memberIds(), profile,
                view.get().pointsBalance(), view.get().storedValueBalance(), history.get().entries()));
    }

    private static Optional<Entry> entry(EventEnvelope e, Map<String, MemberKey> keys) {
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
                MemberKey key = keys.get(member);
                MemberProfile.writtenBy(m).forEach((field, value) -> fields.put(field.stored(),
                        field.personal() && field != MemberProfile.Field.PHONE_HASH
                                ? (key == null ? null : key.open(new Sealed(value)).orElse(null)) : value));
                fields.remove(MemberProfile.Field.PHONE_HASH.stored());
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
        return Optional.of(new Entry(e.occurredAt(), e.storeId().value(), e.tillId().value(), e.type(), member, fields));
    }
}
