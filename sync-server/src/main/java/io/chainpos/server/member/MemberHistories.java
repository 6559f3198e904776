package io.chainpos.server.member;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.HistoryEntry;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.sync.MemberView;
import io.chainpos.server.log.EventLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A member's history across every store, read from the log through the member index: profile writes (personal fields opened with the
 * key of the id that wrote them, or shown as {@code null} once erased), merges, sales, points and stored value.
 */
final class MemberHistories {

    record History(String memberId, List<String> memberIds, List<HistoryEntry> entries) {
    }

    /** What head office hands a member who asks for their data. */
    record Export(String memberId, List<String> memberIds, Map<String, String> profile, long pointsBalance,
                  long storedValueBalance, List<HistoryEntry> history) {
    }

    /** Every event type a member's history shows. */
    private static final Set<String> HISTORY_TYPES = Set.of("MemberRegistered", "MemberProfileChanged", "MembersMerged",
            "MemberErased", "SaleCompleted", "PointsChanged", "StoredValueChanged");

    private final Members members;
    private final EventLog log;

    MemberHistories(Members members, EventLog log) {
        this.members = members;
        this.log = log;
    }

    Optional<History> history(MemberId memberId) {
        List<MemberId> family = members.memberFamily(memberId);
        List<String> eventIds = members.eventIdsAbout(family, HISTORY_TYPES);
        if (eventIds.isEmpty()) {
            return Optional.empty();
        }
        Map<String, MemberKey> keys = members.memberKeys(family).stream()
                .collect(Collectors.toMap(k -> k.memberId().toString(), Function.identity()));
        List<HistoryEntry> entries = new ArrayList<>();
        // Through the member index: the member's own events, whatever the log's size.
        for (EventEnvelope e : log.withIds(eventIds)) {
            HistoryEntry.of(e, id -> Optional.ofNullable(keys.get(id.toString()))).ifPresent(entries::add);
        }
        return Optional.of(new History(family.getFirst().toString(), family.stream().map(MemberId::toString).toList(), entries));
    }

    Optional<Export> export(MemberId memberId) {
        Optional<History> history = history(memberId);
        Optional<MemberView> view = members.member(memberId);
        if (history.isEmpty() || view.isEmpty()) {
            return Optional.empty();
        }
        // The current profile: the last write of each field across the family, as the history shows it.
        Map<String, String> profile = new LinkedHashMap<>();
        profile.put("cardNo", view.get().cardNo());
        for (HistoryEntry entry : history.get().entries()) {
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
}
