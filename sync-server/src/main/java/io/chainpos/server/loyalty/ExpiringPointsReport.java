package io.chainpos.server.loyalty;

import io.chainpos.model.loyalty.PointsLots;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Head office's warning before points expire (积分清零提醒), chain-wide: the members whose points reach their
 * last day within the next N days, from every store's points as the server merged them, FIFO by earn day: the lots kept at ingest
 * ({@code points_lots}), only those of members holding one old enough to expire in the window.
 */
public final class ExpiringPointsReport {

    /** One member's points that expire within the window, the first last day among them, and the balance. */
    public record Line(String memberId, long points, LocalDate lastDay, long balance) {
    }

    /** The report for {@code day} and {@code days}; {@code expiryMonths} 0 means points never expire. */
    public record Report(LocalDate day, int days, int expiryMonths, List<Line> members) {
    }

    private final LoyaltyFacts facts;
    private final ZoneId zone;

    public ExpiringPointsReport(LoyaltyFacts facts, ZoneId zone) {
        this.facts = facts;
        this.zone = zone;
    }

    /**
     * The members whose points reach their last day from {@code day} to {@code day + days - 1}: each lot is judged
     * by the rules that will govern the period end that would expire it ({@link LoyaltyRuleSets}), so a rule set
     * published today and in effect from later today counts, exactly as it will when those days come.
     * {@code expiryMonths} is that of the rules governing tomorrow's period end.
     */
    public Report within(LocalDate day, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("a number of days is not negative");
        }
        LoyaltyRuleSets rules = LoyaltyRuleSets.read(facts, zone);
        // A lot whose last day is L expires in the period end of L + 1: those of day + 1 to day + days.
        List<LoyaltyRuleSets.Segment> runs = rules.expirySegments(day.plusDays(1), day.plusDays(days + 1L));
        int monthsToday = rules.expiryMonthsOn(day);
        List<Line> lines = new ArrayList<>();
        if (runs.stream().anyMatch(segment -> segment.expiryMonths() > 0)) {
            // Only a lot earned by the end of the month so many months before a run's end can expire in it.
            java.time.LocalDate earnedBy = runs.stream().filter(segment -> segment.expiryMonths() > 0)
                    .map(segment -> java.time.YearMonth.from(segment.until()).minusMonths(segment.expiryMonths()).atEndOfMonth())
                    .max(LocalDate::compareTo).orElseThrow();
            facts.lotsEarnedBy(earnedBy, member -> {
                PointsLots lots = member.lots();
                long expiring = 0;
                LocalDate first = null;
                for (PointsLots.Lot lot : lots.lots()) {
                    boolean goodToday = monthsToday <= 0 || !PointsLots.lastDay(lot.earned(), monthsToday).isBefore(day);
                    Optional<LocalDate> run = LoyaltyRuleSets.firstExpiry(runs, lot.earned());
                    if (goodToday && run.isPresent()) {
                        expiring += lot.remaining();
                        LocalDate lastDay = run.get().minusDays(1);
                        first = first == null || lastDay.isBefore(first) ? lastDay : first;
                    }
                }
                if (expiring > 0) {
                    lines.add(new Line(member.memberId(), expiring, first, lots.balance()));
                }
            });
        }
        return new Report(day, days, rules.expiryMonthsOn(day.plusDays(1)), lines);
    }
}
