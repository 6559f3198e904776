package io.chainpos.server.loyalty;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.EventTypes;
import io.chainpos.model.event.HeadOfficeEvent;
import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.event.TierRulesPublished;
import io.chainpos.model.loyalty.PointsLots;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Head office's published rule sets as the loyalty evaluation reads them, and the one answer to "which rules
 * govern the evaluation of a day": the set published last among those in effect when that day begins in head
 * office's zone. The period end of a day and the expiry warning (for each day whose period end it foresees)
 * both ask here, so no member's points expire under rules the warning did not use.
 */
final class LoyaltyRuleSets {
    /** Days from {@code from} (inclusive) on whose period ends expire lots after {@code expiryMonths} (0: never). */
    record Segment(LocalDate from, LocalDate until, int expiryMonths) {
    }

    private final List<LoyaltyRulesPublished> loyalty;
    private final List<TierRulesPublished> tiers;
    private final ZoneId zone;

    private LoyaltyRuleSets(List<LoyaltyRulesPublished> loyalty, List<TierRulesPublished> tiers, ZoneId zone) {
        this.loyalty = loyalty;
        this.tiers = tiers;
        this.zone = zone;
    }

    static LoyaltyRuleSets read(LoyaltyFacts facts, ZoneId zone) {
        return new LoyaltyRuleSets(published(facts, EventTypes.LOYALTY_RULES_PUBLISHED.name(), LoyaltyRulesPublished.class),
                published(facts, EventTypes.TIER_RULES_PUBLISHED.name(), TierRulesPublished.class), zone);
    }

    /** The loyalty rule set published last (in effect or still to come). */
    Optional<LoyaltyRulesPublished> lastLoyalty() {
        return loyalty.stream().max(Comparator.comparingLong(HeadOfficeEvent::version));
    }

    Optional<TierRulesPublished> lastTiers() {
        return tiers.stream().max(Comparator.comparingLong(HeadOfficeEvent::version));
    }

    /** The loyalty rule set in effect at {@code at} (the tills' view: from its effective moment on). */
    Optional<LoyaltyRulesPublished> loyaltyAt(Instant at) {
        return loyalty.stream().filter(r -> !r.effectiveFrom().isAfter(at)).max(Comparator.comparingLong(HeadOfficeEvent::version));
    }

    Optional<TierRulesPublished> tiersAt(Instant at) {
        return tiers.stream().filter(r -> !r.effectiveFrom().isAfter(at)).max(Comparator.comparingLong(HeadOfficeEvent::version));
    }

    /** Every loyalty rule set published, newest first. */
    List<LoyaltyRulesPublished> loyaltyPublished() {
        return loyalty.stream().sorted(Comparator.comparingLong(LoyaltyRulesPublished::version).reversed()).toList();
    }

    Optional<LoyaltyRulesPublished> loyaltyOn(LocalDate day) {
        return onDay(loyalty, day);
    }

    Optional<TierRulesPublished> tiersOn(LocalDate day) {
        return onDay(tiers, day);
    }

    /** The expiry of the rules governing {@code day}'s period end; 0 (points never expire) without rules. */
    int expiryMonthsOn(LocalDate day) {
        return loyaltyOn(day).map(LoyaltyRulesPublished::expiryMonths).orElse(0);
    }

    /** The period-end days {@code from} (inclusive) to {@code until} (exclusive) cut where the governing expiry changes. */
    List<Segment> expirySegments(LocalDate from, LocalDate until) {
        TreeSet<LocalDate> starts = new TreeSet<>();
        starts.add(from);
        for (LoyaltyRulesPublished rules : loyalty) {
            LocalDate first = firstDayGoverned(rules.effectiveFrom());
            if (first.isAfter(from) && first.isBefore(until)) {
                starts.add(first);
            }
        }
        List<Segment> segments = new ArrayList<>();
        List<LocalDate> ordered = new ArrayList<>(starts);
        for (int i = 0; i < ordered.size(); i++) {
            LocalDate start = ordered.get(i);
            LocalDate end = i + 1 < ordered.size() ? ordered.get(i + 1) : until;
            if (start.isBefore(end)) {
                segments.add(new Segment(start, end, expiryMonthsOn(start)));
            }
        }
        return segments;
    }

    /** The first period-end day among {@code segments} that expires a lot earned on {@code earned}, if any. */
    static Optional<LocalDate> firstExpiry(List<Segment> segments, LocalDate earned) {
        for (Segment segment : segments) {
            if (segment.expiryMonths() <= 0) {
                continue;
            }
            LocalDate expires = PointsLots.lastDay(earned, segment.expiryMonths()).plusDays(1);
            LocalDate run = expires.isBefore(segment.from()) ? segment.from() : expires;
            if (run.isBefore(segment.until())) {
                return Optional.of(run);
            }
        }
        return Optional.empty();
    }

    /** The first day whose beginning is at or after {@code effectiveFrom}: the first whose evaluation a rule set governs. */
    private LocalDate firstDayGoverned(Instant effectiveFrom) {
        LocalDate day = effectiveFrom.atZone(zone).toLocalDate();
        return day.atStartOfDay(zone).toInstant().isBefore(effectiveFrom) ? day.plusDays(1) : day;
    }

    private <T extends HeadOfficeEvent> Optional<T> onDay(List<T> published, LocalDate day) {
        Instant begins = day.atStartOfDay(zone).toInstant();
        return published.stream().filter(rules -> !rules.effectiveFrom().isAfter(begins))
                .max(Comparator.comparingLong(HeadOfficeEvent::version));
    }

    private static <T extends HeadOfficeEvent> List<T> published(LoyaltyFacts facts, String type, Class<T> javaType) {
        return facts.headOfficeEvents(type).stream().map(EventEnvelope::payload).filter(javaType::isInstance).map(javaType::cast).toList();
    }
}
