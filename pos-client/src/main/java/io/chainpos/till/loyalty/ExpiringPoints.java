package io.chainpos.till.loyalty;

import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.loyalty.PointsLots;
import io.chainpos.till.catalog.CatalogStore;
import io.chainpos.till.ledger.Ledger;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The warning report before points expire (积分清零提醒): members whose points reach their last day within
 * the next N days, from every store's changes this till holds. Lots are FIFO by earn day, so what a member
 * has spent came out of their oldest points first.
 */
public final class ExpiringPoints {

    /** One member's points that expire, and the first of their last days within the window. */
    public record Line(MemberId memberId, long points, LocalDate lastDay, long balance) {
    }

    private final Ledger ledger;
    private final LoyaltyStore loyalty;
    private final CatalogStore catalog;
    private final ZoneId zone;
    private final Clock clock;

    public ExpiringPoints(Ledger ledger, LoyaltyStore loyalty, CatalogStore catalog, ZoneId zone, Clock clock) {
        this.ledger = ledger;
        this.loyalty = loyalty;
        this.catalog = catalog;
        this.zone = zone;
        this.clock = clock;
    }

    public List<Line> within(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("a number of days is not negative");
        }
        return ledger.read(s -> {
            int months = catalog.loyaltyRules(s, clock.instant()).map(LoyaltyRulesPublished::expiryMonths).orElse(0);
            LocalDate today = LocalDate.now(clock.withZone(zone));
            List<Line> lines = new ArrayList<>();
            for (MemberId member : loyalty.membersWithPoints(s)) {
                PointsLots lots = loyalty.lots(s, member, zone);
                long expiring = lots.expiringWithin(today, days, months);
                if (expiring > 0) {
                    LocalDate first = lots.lots().stream().map(l -> PointsLots.lastDay(l.earned(), months))
                            .filter(d -> !d.isBefore(today)).min(LocalDate::compareTo).orElseThrow();
                    lines.add(new Line(member, expiring, first, lots.balance()));
                }
            }
            return lines;
        });
    }
}
