package io.chainpos.server.loyalty;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.EventTypes;
import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.loyalty.PointsLots;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Head office's warning before points expire (积分清零提醒), chain-wide: the members whose points reach their
 * last day within the next N days, from every store's points as the server merged them, FIFO by earn day.
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

    public Report within(LocalDate day, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("a number of days is not negative");
        }
        Instant at = day.atStartOfDay(zone).toInstant();
        int months = facts.headOfficeEvents(EventTypes.LOYALTY_RULES_PUBLISHED.name()).stream()
                .map(EventEnvelope::payload).filter(LoyaltyRulesPublished.class::isInstance).map(LoyaltyRulesPublished.class::cast)
                .filter(rules -> !rules.effectiveFrom().isAfter(at))
                .max(Comparator.comparingLong(LoyaltyRulesPublished::version))
                .map(LoyaltyRulesPublished::expiryMonths).orElse(0);
        List<Line> lines = new ArrayList<>();
        if (months > 0) {
            facts.pointsHistory(member -> {
                PointsLots lots = PointsLots.of(member.changes().stream()
                        .map(c -> new PointsLots.Change(Instant.ofEpochMilli(c.occurredMs()).atZone(zone).toLocalDate(), c.delta()))
                        .toList());
                long expiring = lots.expiringWithin(day, days, months);
                if (expiring > 0) {
                    LocalDate first = lots.lots().stream().map(l -> PointsLots.lastDay(l.earned(), months))
                            .filter(d -> !d.isBefore(day)).min(LocalDate::compareTo).orElseThrow();
                    lines.add(new Line(member.memberId(), expiring, first, lots.balance()));
                }
            });
        }
        return new Report(day, days, months, lines);
    }
}
