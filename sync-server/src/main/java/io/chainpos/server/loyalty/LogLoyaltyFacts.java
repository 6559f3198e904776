package io.chainpos.server.loyalty;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.server.log.EventLog;
import io.chainpos.server.log.LogSearch;
import io.chainpos.server.member.PointsFacts;
import io.chainpos.server.merge.HeadOfficeTill;
import java.util.List;
import java.util.function.Consumer;

/** Loyalty's facts: rule sets found in the log, points and tiers asked of the member feature. */
public final class LogLoyaltyFacts implements LoyaltyFacts {
    private final PointsFacts points;
    private final EventLog log;

    public LogLoyaltyFacts(PointsFacts points, EventLog log) {
        this.points = points;
        this.log = log;
    }

    @Override
    public List<EventEnvelope> headOfficeEvents(String type) {
        return log.find(LogSearch.ofTill(HeadOfficeTill.TILL, type));
    }

    @Override
    public void pointsHistory(Consumer<MemberPoints> each) {
        points.pointsHistory(each);
    }

    @Override
    public void lotsEarnedBy(java.time.LocalDate earnedBy, Consumer<MemberLots> each) {
        points.lotsEarnedBy(earnedBy, each);
    }

    @Override
    public List<TierStanding> tierStandings(long fromMs, long untilMs, boolean bySpend) {
        return points.tierStandings(fromMs, untilMs, bySpend);
    }
}
