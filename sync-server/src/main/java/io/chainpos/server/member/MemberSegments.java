package io.chainpos.server.member;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Head office's member analysis, pure over the people {@link MemberActivities} gives: RFM quintile scores and
 * named segments, active and lapsed, and churn risk (a member whose time since the last visit is well past
 * their own usual interval between visits).
 */
public final class MemberSegments {
    /** Days without a visit after which a member who has visited is lapsed. */
    public static final long ACTIVE_DAYS = 90;
    /** How many of their own usual intervals a member may go without a visit before being at risk of churning. */
    public static final long CHURN_FACTOR = 2;
    private static final long DAY_MS = 86_400_000L;

    /** The named RFM segments, in the order the rules are tried. */
    public enum Segment { CHAMPIONS, LOYAL, PROMISING, AT_RISK, LOST, NEEDS_ATTENTION }

    /** One visiting member's scores (1 worst to 5 best) and segment. */
    public record Scored(MemberActivities.Person person, int recency, int frequency, int monetary, Segment segment) {
    }

    /** A member at risk of churning: usual days between visits, days since the last. */
    public record ChurnRisk(MemberActivities.Person person, long usualDays, long daysSince) {
    }

    private MemberSegments() {
    }

    /**
     * RFM quintiles among the members who visited: each score is the member's rank among them cut in five (ties
     * broken by member id, so a score never depends on the order read), 5 the most recent, frequent, spending.
     */
    public static List<Scored> rfm(List<MemberActivities.Person> people) {
        List<MemberActivities.Person> visiting = people.stream().filter(p -> p.visits() > 0).toList();
        Map<String, Integer> r = quintiles(visiting, Comparator.comparingLong(MemberActivities.Person::lastVisitMs));
        Map<String, Integer> f = quintiles(visiting, Comparator.comparingLong(MemberActivities.Person::visits));
        Map<String, Integer> m = quintiles(visiting, Comparator.comparingLong(MemberActivities.Person::spend));
        List<Scored> scored = new ArrayList<>();
        for (MemberActivities.Person p : visiting) {
            int rs = r.get(p.memberId());
            int fs = f.get(p.memberId());
            int ms = m.get(p.memberId());
            scored.add(new Scored(p, rs, fs, ms, segment(rs, fs, ms)));
        }
        return scored;
    }

    static Segment segment(int r, int f, int m) {
        if (r >= 4 && f >= 4 && m >= 4) {
            return Segment.CHAMPIONS;
        }
        if (r >= 3 && f >= 4) {
            return Segment.LOYAL;
        }
        if (r >= 4 && f <= 2) {
            return Segment.PROMISING;
        }
        if (r <= 2 && f >= 3) {
            return Segment.AT_RISK;
        }
        if (r <= 2) {
            return Segment.LOST;
        }
        return Segment.NEEDS_ATTENTION;
    }

    /** Score 1-5 by rank in {@code order} (worst first), ties by member id. */
    private static Map<String, Integer> quintiles(List<MemberActivities.Person> people, Comparator<MemberActivities.Person> order) {
        List<MemberActivities.Person> ranked = people.stream().sorted(order.thenComparing(MemberActivities.Person::memberId)).toList();
        Map<String, Integer> scores = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            scores.put(ranked.get(i).memberId(), 1 + (int) (5L * i / ranked.size()));
        }
        return scores;
    }

    /** Count and spend of each segment. */
    public static Map<Segment, long[]> bySegment(List<Scored> scored) {
        Map<Segment, long[]> by = new EnumMap<>(Segment.class);
        for (Segment s : Segment.values()) {
            by.put(s, new long[2]);
        }
        for (Scored s : scored) {
            long[] t = by.get(s.segment());
            t[0]++;
            t[1] += s.person().spend();
        }
        return by;
    }

    /** Members who visited within {@link #ACTIVE_DAYS} of {@code nowMs}, those who visited before only, those who never did. */
    public static long[] activeLapsedNever(List<MemberActivities.Person> people, long nowMs) {
        long[] counts = new long[3];
        for (MemberActivities.Person p : people) {
            counts[p.visits() == 0 ? 2 : nowMs - p.lastVisitMs() <= ACTIVE_DAYS * DAY_MS ? 0 : 1]++;
        }
        return counts;
    }

    /**
     * Members with at least three visits whose days since the last visit exceed {@link #CHURN_FACTOR} times their
     * usual interval (first to last visit over the visits between), the most overdue first.
     */
    public static List<ChurnRisk> churnRisk(List<MemberActivities.Person> people, long nowMs) {
        List<ChurnRisk> risks = new ArrayList<>();
        for (MemberActivities.Person p : people) {
            if (p.visits() < 3) {
                continue;
            }
            long usual = Math.max(DAY_MS, (p.lastVisitMs() - p.firstVisitMs()) / (p.visits() - 1));
            long since = nowMs - p.lastVisitMs();
            if (since > CHURN_FACTOR * usual) {
                risks.add(new ChurnRisk(p, usual / DAY_MS, since / DAY_MS));
            }
        }
        risks.sort(Comparator.comparingDouble((ChurnRisk c) -> -(double) c.daysSince() / Math.max(1, c.usualDays()))
                .thenComparing(c -> c.person().memberId()));
        return risks;
    }
}
