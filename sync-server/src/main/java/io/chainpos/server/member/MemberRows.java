package io.chainpos.server.member;

import io.chainpos.model.event.BalanceEvent;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.server.merge.ProfileField;
import io.chainpos.model.member.Stamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows one batch of events writes to each member table, gathered before any is written: profile
 * fields, balance deltas and their sums per member, each in key order.
 */
final class MemberRows {
    /** One points or stored-value delta, in event order. */
    record Delta(EventEnvelope event, String memberId, boolean points, long amount, String reason, long bonusPart,
                 long qualifyingSpend) {
    }

    private final List<Object[]> fields = new ArrayList<>();
    private final List<Delta> deltas = new ArrayList<>();
    private final Map<String, Object[]> homes = new TreeMap<>();

    void fields(EventEnvelope event, String memberId, Map<ProfileField, String> written) {
        written.forEach((field, value) -> fields.add(new Object[] {memberId, field.stored(), value, event.hlc(),
                event.tillId().value(), event.eventId().toString()}));
    }

    /** The store that registered the member: the first registration of the id in the batch. */
    void home(EventEnvelope event, String memberId) {
        homes.putIfAbsent(memberId, new Object[] {memberId, event.storeId().value(), event.occurredAt().toEpochMilli()});
    }

    /** One row per member registered in the batch, in member order. */
    List<Object[]> homeRows() {
        return new ArrayList<>(homes.values());
    }

    void balance(EventEnvelope event, BalanceEvent balance) {
        Delta delta = switch (balance) {
            case PointsChanged p -> new Delta(event, p.memberId().toString(), true, p.delta(), p.reason().name(), 0, p.qualifyingSpend());
            case io.chainpos.model.event.StoredValueChanged v -> new Delta(event, v.memberId().toString(), false, v.delta(),
                    v.reason().name(), v.bonusPart(), 0);
        };
        deltas.add(delta);
    }

    /**
     * One write per (member, field), the batch's last writer by (hlc, till, event) as the upsert orders them
     * (one multi-row INSERT may not touch a row twice), sorted by key so two transactions lock rows in one order.
     */
    List<Object[]> fieldRows() {
        Map<List<String>, Object[]> last = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        for (Object[] row : fields) {
            last.merge(List.of((String) row[0], (String) row[1]), row, (a, b) -> LAST_WRITER.compare(a, b) >= 0 ? a : b);
        }
        return new ArrayList<>(last.values());
    }

    /** Field rows by their {@link Stamp} (hlc, till_id, event_id): the one order of MemberProfile and FieldWrite. */
    private static final Comparator<Object[]> LAST_WRITER = Comparator.comparing(
            (Object[] row) -> new Stamp((Long) row[3], (String) row[4], (String) row[5]));

    List<Object[]> deltaRows() {
        return deltas.stream()
                .map(d -> new Object[] {d.event().eventId().toString(), d.memberId(), d.points() ? "POINTS" : "STORED_VALUE", d.amount(),
                        d.reason(), d.bonusPart(), d.qualifyingSpend(), d.event().occurredAt().toEpochMilli()})
                .toList();
    }

    /** One row per member with the batch's sums, in member order. */
    List<Object[]> balanceRows() {
        Map<String, long[]> sums = new TreeMap<>();
        deltas.forEach(d -> {
            long[] sum = sums.computeIfAbsent(d.memberId(), id -> new long[3]);
            sum[d.points() ? 0 : 1] += d.amount();
            sum[2] += d.bonusPart();
        });
        List<Object[]> rows = new ArrayList<>(sums.size());
        sums.forEach((member, sum) -> rows.add(new Object[] {member, sum[0], sum[1], sum[2]}));
        return rows;
    }

    List<Delta> deltas() {
        return deltas;
    }
}
