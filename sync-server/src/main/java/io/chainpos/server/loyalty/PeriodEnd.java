package io.chainpos.server.loyalty;

import io.chainpos.model.event.Event;
import io.chainpos.model.event.MemberTierChanged;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.TierRulesPublished;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.loyalty.PointsLots;
import io.chainpos.model.loyalty.TierRules;
import io.chainpos.server.headoffice.HeadOffice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Head office's scheduled loyalty evaluation for a day (积分清零 and 会员降级). It runs on the server because
 * only the server sees every store's points and spend; what it decides it states as head-office events, so
 * every till learns it by pulling, like any other fact:
 * <ul>
 *   <li>points whose last day is before the day expire: one {@code PointsChanged} EXPIRE per member, for the
 *       oldest lots first (FIFO), so running it again the same day finds nothing more;</li>
 *   <li>on the first day of a tier period, each member whose measure in the period just ended fell short of
 *       their tier goes down to the tier it reached ({@code MemberTierChanged} DOWNGRADE).</li>
 * </ul>
 */
public final class PeriodEnd {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodEnd.class);

    /** What one evaluation stated. */
    public record Outcome(LocalDate day, int membersExpired, long pointsExpired, int downgrades) {
    }

    private final LoyaltyFacts facts;
    private final HeadOffice headOffice;
    private final ZoneId zone;
    private final Clock clock;

    public PeriodEnd(LoyaltyFacts facts, HeadOffice headOffice, ZoneId zone, Clock clock) {
        this.facts = facts;
        this.headOffice = headOffice;
        this.zone = zone;
        this.clock = clock;
    }

    /** Evaluates today (in head office's zone). */
    public Outcome runToday() {
        return run(LocalDate.now(clock.withZone(zone)));
    }

    public synchronized Outcome run(LocalDate day) {
        Instant at = day.atStartOfDay(zone).toInstant();
        List<Event> decided = new ArrayList<>();
        long[] expired = new long[2];
        LoyaltyRuleSets rules = LoyaltyRuleSets.read(facts, zone);
        rules.loyaltyOn(day)
                .filter(loyalty -> loyalty.expiryMonths() > 0)
                .ifPresent(loyalty -> facts.pointsHistory(member -> {
                    PointsLots lots = PointsLots.of(member.changes().stream()
                            .map(c -> new PointsLots.Change(Instant.ofEpochMilli(c.occurredMs()).atZone(zone).toLocalDate(), c.delta()))
                            .toList());
                    long points = lots.expiredOn(day, loyalty.expiryMonths());
                    if (points > 0) {
                        decided.add(new PointsChanged(MemberId.parse(member.memberId()), -points, PointsChanged.Reason.EXPIRE, null,
                                List.of("EXPIRY:" + loyalty.expiryMonths() + " months, before " + day)));
                        expired[0]++;
                        expired[1] += points;
                    }
                }));
        int downgrades = 0;
        Optional<TierRulesPublished> tiers = rules.tiersOn(day);
        if (tiers.isPresent() && TierRules.periodStart(day, tiers.get().periodMonths()).equals(day)) {
            LocalDate ended = TierRules.periodStart(day.minusDays(1), tiers.get().periodMonths());
            for (LoyaltyFacts.TierStanding standing : facts.tierStandings(ended.atStartOfDay(zone).toInstant().toEpochMilli(),
                    at.toEpochMilli(), tiers.get().basis() == TierRulesPublished.Basis.SPEND)) {
                Optional<MemberTierChanged> down = TierRules.periodEnd(tiers.get(), MemberId.parse(standing.memberId()),
                        standing.tierCode(), ended, standing.measure());
                if (down.isPresent()) {
                    decided.add(down.get());
                    downgrades++;
                }
            }
        }
        if (!decided.isEmpty()) {
            headOffice.publish(decided);
        }
        Outcome outcome = new Outcome(day, (int) expired[0], expired[1], downgrades);
        LOG.atInfo().setMessage("loyalty_period_end").addKeyValue("day", day).addKeyValue("members_expired", outcome.membersExpired())
                .addKeyValue("points_expired", outcome.pointsExpired()).addKeyValue("downgrades", downgrades).log();
        return outcome;
    }
}
