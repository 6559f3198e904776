package io.chainpos.server.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.event.MemberTierChanged;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.StoredValueChanged;
import io.chainpos.model.event.TierRulesPublished;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.TopUpId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.sync.MemberView;
import io.chainpos.model.sync.SyncException;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.Ports;
import io.chainpos.server.headoffice.HeadOffice;
import io.chainpos.server.log.IngestBatch;
import io.chainpos.server.log.IngestResult;
import io.chainpos.server.db.Storage;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TillWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Head office's loyalty evaluation and the member's loyalty view on the server: expiry FIFO on the day,
 * downgrades at the period end, stored value in its parts, overdrafts listed. Runs on SQLite and PostgreSQL.
 */
abstract class PeriodEndContract {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final MemberId MEMBER = new MemberId(UUID.fromString("0192f0a0-0000-7000-8000-000000000001"));

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(Instant.parse("2026-03-15T02:00:00Z"));
    Storage storage;
    Ports ports;
    HeadOffice headOffice;
    PeriodEnd periodEnd;
    TillWriter a1;
    TillWriter b1;

    protected abstract Storage open(Path dir);

    @BeforeEach
    void openStore() {
        storage = open(dir);
        ports = Ports.on(storage, EventCodec.standard(), clock);
        headOffice = new HeadOffice(ports.log(), EventCodec.standard(), clock);
        periodEnd = new PeriodEnd(ports.loyalty(), headOffice, SHANGHAI, clock);
        a1 = new TillWriter("S001", "S001-T1", 1, clock);
        b1 = new TillWriter("S002", "S002-T1", 1, clock);
        Instant from = Instant.parse("2020-01-01T00:00:00Z");
        headOffice.publish(List.of(
                new TierRulesPublished(1, from, TierRulesPublished.Basis.SPEND, 12, List.of(
                        new TierRulesPublished.Tier("NORMAL", "普通", "Regular", 0, 10000, 10000, 0),
                        new TierRulesPublished.Tier("SILVER", "银卡", "Silver", 100_000, 9800, 12000, 100),
                        new TierRulesPublished.Tier("GOLD", "金卡", "Gold", 500_000, 9500, 15000, 200))),
                new LoyaltyRulesPublished(1, from, 1, Map.of(), List.of(), 0, 1, 12, 500, 60)));
        push(a1, io.chainpos.server.testing.Facts.registered(MEMBER, "13900000001", "周杰"));
    }

    @AfterEach
    void closeStore() {
        storage.close();
    }

    @Test
    void pointsExpireOldestFirstTheDayAfterTheirLastDayAndOnlyOnce() {
        push(a1, earn(100, 10_000)); // 15 March 2026: good through 31 March 2027
        clock.set(Instant.parse("2026-04-02T02:00:00Z"));
        push(b1, earn(40, 4_000)); // 2 April 2026: good through 30 April 2027
        clock.set(Instant.parse("2026-05-01T02:00:00Z"));
        push(b1, new PointsChanged(MEMBER, -30, PointsChanged.Reason.REDEEM, null, List.of()));

        assertThat(periodEnd.run(LocalDate.of(2027, 3, 31)).pointsExpired()).as("still good on the last day").isZero();
        PeriodEnd.Outcome expired = periodEnd.run(LocalDate.of(2027, 4, 1));
        assertThat(expired.pointsExpired()).as("the first lot less what was redeemed from it").isEqualTo(70);
        assertThat(member().pointsBalance()).isEqualTo(40);
        assertThat(periodEnd.run(LocalDate.of(2027, 4, 1)).pointsExpired()).as("a second run the same day").isZero();
        assertThat(periodEnd.run(LocalDate.of(2027, 5, 1)).pointsExpired()).isEqualTo(40);
        assertThat(member().pointsBalance()).isZero();
    }

    @Test
    void atThePeriodEndAMemberWhoFellShortGoesDownToTheTierReached() {
        clock.set(Instant.parse("2026-06-01T02:00:00Z"));
        push(a1, earn(0, 100_000), new MemberTierChanged(MEMBER, "NORMAL", "GOLD", MemberTierChanged.Direction.UPGRADE, 1,
                LocalDate.of(2026, 1, 1), 500_000, null));
        assertThat(member().tierCode()).isEqualTo("GOLD");

        clock.set(Instant.parse("2026-12-31T16:05:00Z")); // just after midnight in Shanghai
        assertThat(periodEnd.run(LocalDate.of(2026, 12, 31)).downgrades()).as("not a period end").isZero();
        PeriodEnd.Outcome end = periodEnd.run(LocalDate.of(2027, 1, 1));
        assertThat(end.downgrades()).isEqualTo(1);
        assertThat(member().tierCode()).as("100,000 spent in 2026: silver exactly").isEqualTo("SILVER");
        assertThat(periodEnd.run(LocalDate.of(2027, 1, 1)).downgrades()).isZero();
    }

    @Test
    void theMemberShowsStoredValueInItsPaidAndBonusParts() {
        TopUpId topUp = new TopUpId(UUID.fromString("0192f0a0-0000-7000-8000-000000000040"));
        push(a1, new StoredValueChanged(MEMBER, 10_000, StoredValueChanged.Reason.TOPUP, null, 0, topUp),
                new StoredValueChanged(MEMBER, 2_000, StoredValueChanged.Reason.BONUS, null, 2_000, topUp));
        push(b1, new StoredValueChanged(MEMBER, -10_500, StoredValueChanged.Reason.PAY, null, -500, null));

        MemberView view = member();
        assertThat(view.storedValueBalance()).isEqualTo(1_500);
        assertThat(view.storedValuePaid()).isZero();
        assertThat(view.storedValueBonus()).isEqualTo(1_500);
        assertThat(ports.exceptions().exceptions(10)).isEmpty();
    }

    @Test
    void theSamePointsSpentAtTwoStoresAreAnOverdraftOnTheList() {
        push(a1, earn(100, 10_000));
        push(a1, new PointsChanged(MEMBER, -80, PointsChanged.Reason.REDEEM, null, List.of()));
        push(b1, new PointsChanged(MEMBER, -80, PointsChanged.Reason.REDEEM, null, List.of()));
        push(b1, new StoredValueChanged(MEMBER, -1, StoredValueChanged.Reason.PAY, null));

        assertThat(ports.exceptions().exceptions(10)).extracting(SyncException::kind, SyncException::memberId, SyncException::balance,
                SyncException::storeId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SyncException.Kind.POINTS_OVERDRAFT, MEMBER.toString(), -60L, "S002"),
                org.assertj.core.groups.Tuple.tuple(SyncException.Kind.STORED_VALUE_OVERDRAFT, MEMBER.toString(), -1L, "S002"));
    }

    /**
     * The warning reads the lots kept at ingest: members earning and spending at two stores whose tills send late,
     * and one merged into another, give exactly the lots a fold of their changes in time order gives, each lot
     * listed when its last day (end of the month twelve months on) falls in the window; and again after a rebuild.
     */
    @Test
    void theWarningListsTheLotsAFoldOfEveryMembersChangesInTimeOrderGives() {
        java.util.Random random = new java.util.Random(20261205);
        List<MemberId> members = new java.util.ArrayList<>(List.of(MEMBER));
        for (int m = 1; m < 6; m++) {
            MemberId id = new MemberId(UUID.fromString("0192f0a0-0000-7000-8000-00000000010" + m));
            members.add(id);
            push(a1, io.chainpos.server.testing.Facts.registered(id, "1390000010" + m, "会员" + m));
        }
        // member -> its changes as (when, delta), in the order they happened, whatever order they arrived in
        java.util.Map<MemberId, java.util.TreeMap<Instant, Long>> happened = new java.util.HashMap<>();
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < 120; i++) {
            MemberId member = members.get(random.nextInt(members.size()));
            Instant at = start.plusSeconds(random.nextLong(400L * 86_400));
            long held = happened.getOrDefault(member, new java.util.TreeMap<>()).values().stream().mapToLong(Long::longValue).sum();
            long delta = held > 20 && random.nextInt(4) == 0 ? -(1 + random.nextInt((int) held / 2)) : 1 + random.nextInt(200);
            if (happened.computeIfAbsent(member, k -> new java.util.TreeMap<>()).putIfAbsent(at, delta) != null) {
                continue;
            }
            clock.set(at);
            push(random.nextBoolean() ? a1 : b1, new PointsChanged(member, delta, delta > 0 ? PointsChanged.Reason.EARN
                    : PointsChanged.Reason.REDEEM, null, List.of()));
        }
        MemberId survivor = members.get(1);
        MemberId merged = members.get(2);
        push(a1, io.chainpos.server.testing.Facts.merged(survivor, merged));
        happened.computeIfAbsent(survivor, k -> new java.util.TreeMap<>()).putAll(happened.getOrDefault(merged, new java.util.TreeMap<>()));
        happened.remove(merged);
        clock.set(Instant.parse("2026-03-15T02:00:00Z"));

        ExpiringPointsReport report = new ExpiringPointsReport(ports.loyalty(), SHANGHAI);
        List<List<Object>> asked = new java.util.ArrayList<>();
        for (LocalDate day = LocalDate.of(2025, 12, 20); day.isBefore(LocalDate.of(2027, 3, 1)); day = day.plusDays(23)) {
            for (int days : new int[] {30, 90}) {
                asked.add(List.of(day, days, lines(report.within(day, days))));
                assertThat(lines(report.within(day, days))).as("from %s for %d days", day, days).isEqualTo(byHand(happened, day, days));
            }
        }
        assertThat(asked).as("some window lists someone").anySatisfy(a -> assertThat((java.util.Set<?>) a.get(2)).isNotEmpty());

        ports.log().rebuildProjections();
        for (List<Object> a : asked) {
            assertThat(lines(report.within((LocalDate) a.get(0), (Integer) a.get(1)))).as("after a rebuild").isEqualTo(a.get(2));
        }
    }

    /**
     * The lots kept at ingest, day by day: pushes of several members' changes mostly in the order they happened (the
     * lots taken forward in steps), now and then one dated earlier arriving late and a merge (the lots folded again),
     * give after every push the lots and overdrafts a fold of each member's changes in time order gives.
     */
    @Test
    void theLotsKeptAfterEveryPushAreThoseAFoldOfTheChangesInTimeOrderGives() {
        java.util.Random random = new java.util.Random(5);
        List<MemberId> members = new java.util.ArrayList<>(List.of(MEMBER));
        for (int m = 1; m < 4; m++) {
            MemberId id = new MemberId(UUID.fromString("0192f0a0-0000-7000-8000-00000000020" + m));
            members.add(id);
            push(a1, io.chainpos.server.testing.Facts.registered(id, "1390000020" + m, "会员" + m));
        }
        java.util.Map<MemberId, java.util.TreeMap<Instant, Long>> happened = new java.util.HashMap<>();
        java.util.Set<Instant> used = new java.util.HashSet<>();
        Instant at = Instant.parse("2025-01-01T00:00:00Z");
        for (int round = 0; round < 40; round++) {
            if (round == 25) {
                push(a1, io.chainpos.server.testing.Facts.merged(members.get(1), members.get(2)));
                happened.computeIfAbsent(members.get(1), k -> new java.util.TreeMap<>())
                        .putAll(happened.getOrDefault(members.get(2), new java.util.TreeMap<>()));
                happened.remove(members.get(2));
                members.remove(2);
            }
            List<io.chainpos.model.event.Event> changes = new java.util.ArrayList<>();
            boolean late = round % 7 == 6;
            for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                MemberId member = members.get(random.nextInt(members.size()));
                at = at.plusSeconds(3_600L * (1 + random.nextInt(40)));
                Instant when = late ? at.minusSeconds(86_400L * (5 + random.nextInt(20))) : at;
                long held = happened.getOrDefault(member, new java.util.TreeMap<>()).values().stream().mapToLong(Long::longValue).sum();
                long delta = random.nextInt(3) == 0 ? -(1 + random.nextInt((int) Math.max(1, held + 30))) : 1 + random.nextInt(200);
                if (!used.add(when)) {
                    continue; // one change a moment in the whole chain, so a merge's two histories interleave one way
                }
                happened.computeIfAbsent(member, k -> new java.util.TreeMap<>()).put(when, delta);
                clock.set(when);
                changes.add(new PointsChanged(member, delta, delta > 0 ? PointsChanged.Reason.EARN : PointsChanged.Reason.REDEEM,
                        null, List.of()));
                // each change its own envelope time: one push may carry several, as a till's backlog does
                push(random.nextBoolean() ? a1 : b1, changes.removeLast());
            }
            assertThat(keptLots()).as("round %d", round).isEqualTo(lotsByHand(happened));
        }
        ports.log().rebuildProjections();
        assertThat(keptLots()).as("after a rebuild").isEqualTo(lotsByHand(happened));
    }

    /** The lots table as member -> day -> remaining, with each overdraft under the day "overdraft". */
    private java.util.Map<String, java.util.Map<String, Long>> keptLots() {
        java.util.Map<String, java.util.Map<String, Long>> kept = new java.util.TreeMap<>();
        storage.database().read(h -> h.createQuery("SELECT member_id, earned_day, remaining FROM points_lots")
                .map((rs, ctx) -> kept.computeIfAbsent(rs.getString(1), k -> new java.util.TreeMap<>()).put(rs.getString(2), rs.getLong(3)))
                .list());
        storage.database().read(h -> h.createQuery("SELECT member_id, overdraft FROM points_overdrafts")
                .map((rs, ctx) -> kept.computeIfAbsent(rs.getString(1), k -> new java.util.TreeMap<>()).put("overdraft", rs.getLong(2)))
                .list());
        return kept;
    }

    /** First in first out by hand, each member's changes in the order they happened; days in the loyalty zone. */
    private static java.util.Map<String, java.util.Map<String, Long>> lotsByHand(java.util.Map<MemberId, java.util.TreeMap<Instant, Long>> happened) {
        java.util.Map<String, java.util.Map<String, Long>> out = new java.util.TreeMap<>();
        happened.forEach((member, changes) -> {
            java.util.List<Object[]> lots = new java.util.ArrayList<>(); // earned day, remaining
            long overdraft = 0;
            for (var change : changes.entrySet()) {
                long delta = change.getValue();
                if (delta > 0) {
                    long repaid = Math.min(overdraft, delta);
                    overdraft -= repaid;
                    if (delta > repaid) {
                        lots.add(new Object[] {change.getKey().atZone(SHANGHAI).toLocalDate().toString(), delta - repaid});
                    }
                } else {
                    long take = -delta;
                    for (Object[] lot : lots) {
                        long used = Math.min((Long) lot[1], take);
                        lot[1] = (Long) lot[1] - used;
                        take -= used;
                    }
                    lots.removeIf(lot -> (Long) lot[1] == 0);
                    overdraft += take;
                }
            }
            java.util.Map<String, Long> byDay = new java.util.TreeMap<>();
            lots.forEach(lot -> byDay.merge((String) lot[0], (Long) lot[1], Long::sum));
            if (overdraft > 0) {
                byDay.put("overdraft", overdraft);
            }
            if (!byDay.isEmpty()) {
                out.put(member.toString(), byDay);
            }
        });
        return out;
    }

    private static java.util.Set<List<Object>> lines(ExpiringPointsReport.Report report) {
        java.util.Set<List<Object>> out = new java.util.HashSet<>();
        report.members().forEach(l -> out.add(List.of(l.memberId(), l.points(), l.lastDay(), l.balance())));
        return out;
    }

    /** Lots first in first out, by hand: a lot's last day is the end of the month twelve months after it was earned. */
    private static java.util.Set<List<Object>> byHand(java.util.Map<MemberId, java.util.TreeMap<Instant, Long>> happened, LocalDate day, int days) {
        java.util.Set<List<Object>> out = new java.util.HashSet<>();
        happened.forEach((member, changes) -> {
            java.util.List<long[]> lots = new java.util.ArrayList<>(); // earned epoch day, remaining
            long overdraft = 0;
            for (var change : changes.entrySet()) {
                long delta = change.getValue();
                long earned = change.getKey().atZone(SHANGHAI).toLocalDate().toEpochDay();
                if (delta > 0) {
                    long repaid = Math.min(overdraft, delta);
                    overdraft -= repaid;
                    if (delta > repaid) {
                        lots.add(new long[] {earned, delta - repaid});
                    }
                } else {
                    long take = -delta;
                    for (long[] lot : lots) {
                        long used = Math.min(lot[1], take);
                        lot[1] -= used;
                        take -= used;
                    }
                    lots.removeIf(lot -> lot[1] == 0);
                    overdraft += take;
                }
            }
            long expiring = 0;
            LocalDate first = null;
            for (long[] lot : lots) {
                LocalDate last = java.time.YearMonth.from(LocalDate.ofEpochDay(lot[0])).plusMonths(12).atEndOfMonth();
                if (!last.isBefore(day) && last.isBefore(day.plusDays(days))) {
                    expiring += lot[1];
                    first = first == null || last.isBefore(first) ? last : first;
                }
            }
            if (expiring > 0) {
                out.add(List.of(member.toString(), expiring, first, lots.stream().mapToLong(l -> l[1]).sum() - overdraft));
            }
        });
        return out;
    }

    private MemberView member() {
        return ports.members().member(MEMBER).orElseThrow();
    }

    private static PointsChanged earn(long points, long spend) {
        return new PointsChanged(MEMBER, points, PointsChanged.Reason.EARN, null, List.of("BASE:1/yuan"), spend);
    }

    private void push(TillWriter till, io.chainpos.model.event.Event... events) {
        List<EventEnvelope> envelopes = till.next(List.of(events));
        IngestResult result = ports.log().ingest(new IngestBatch(till.till, till.epoch, Json.incoming(envelopes)));
        assertThat(result).isInstanceOf(IngestResult.Stored.class);
    }
}
