package io.chainpos.server.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFM quintiles and segments, active and lapsed, churn risk, stated by example. */
class MemberSegmentsTest {
    private static final long DAY = 86_400_000L;
    private static final long NOW = 1_000 * DAY;

    private static MemberActivities.Person person(String id, long firstDaysAgo, long lastDaysAgo, long visits, long spend) {
        return new MemberActivities.Person(id, "S001", 0, visits == 0 ? 0 : NOW - firstDaysAgo * DAY, visits == 0 ? 0 : NOW - lastDaysAgo * DAY,
                visits, spend);
    }

    @Test
    void tenVisitingMembersFallTwoToAQuintileAndTheBestOfAllIsAChampion() {
        List<MemberActivities.Person> people = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // m0 least recent, least frequent, least spending; m9 the most of each.
            people.add(person("m" + i, 400, 100 - i * 10, 1 + i, 1_000L * (1 + i)));
        }
        people.add(person("never", 0, 0, 0, 0));

        List<MemberSegments.Scored> scored = MemberSegments.rfm(people);

        assertThat(scored).hasSize(10);
        assertThat(scored).extracting(MemberSegments.Scored::recency).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
        assertThat(scored.get(9).segment()).isEqualTo(MemberSegments.Segment.CHAMPIONS);
        assertThat(scored.get(0).segment()).isEqualTo(MemberSegments.Segment.LOST);
        assertThat(MemberSegments.bySegment(scored).get(MemberSegments.Segment.CHAMPIONS)).containsExactly(4, 7_000 + 8_000 + 9_000 + 10_000);
    }

    @Test
    void segmentsByTheirRules() {
        assertThat(MemberSegments.segment(5, 5, 4)).isEqualTo(MemberSegments.Segment.CHAMPIONS);
        assertThat(MemberSegments.segment(3, 5, 1)).isEqualTo(MemberSegments.Segment.LOYAL);
        assertThat(MemberSegments.segment(5, 1, 1)).isEqualTo(MemberSegments.Segment.PROMISING);
        assertThat(MemberSegments.segment(1, 4, 5)).isEqualTo(MemberSegments.Segment.AT_RISK);
        assertThat(MemberSegments.segment(2, 1, 5)).isEqualTo(MemberSegments.Segment.LOST);
        assertThat(MemberSegments.segment(3, 3, 3)).isEqualTo(MemberSegments.Segment.NEEDS_ATTENTION);
    }

    @Test
    void activeWithinNinetyDaysLapsedBeforeAndNever() {
        List<MemberActivities.Person> people = List.of(person("a", 200, 90, 2, 1), person("b", 200, 91, 2, 1), person("c", 0, 0, 0, 0));

        assertThat(MemberSegments.activeLapsedNever(people, NOW)).containsExactly(1, 1, 1);
    }

    @Test
    void churnRiskIsTimeSinceTheLastVisitWellPastTheMembersOwnUsualInterval() {
        MemberActivities.Person weekly = person("weekly", 30, 20, 3, 100);    // every 5 days, 20 days gone: at risk
        MemberActivities.Person regular = person("regular", 10, 2, 3, 100);   // every 4 days, 2 days gone
        MemberActivities.Person monthly = person("monthly", 120, 50, 3, 100); // every 35 days, 50 days gone: not yet twice
        MemberActivities.Person twice = person("twice", 300, 200, 2, 100);   // too few visits to know their interval

        List<MemberSegments.ChurnRisk> risks = MemberSegments.churnRisk(List.of(weekly, regular, monthly, twice), NOW);

        assertThat(risks).singleElement().satisfies(r -> {
            assertThat(r.person().memberId()).isEqualTo("weekly");
            assertThat(r.usualDays()).isEqualTo(5);
            assertThat(r.daysSince()).isEqualTo(20);
        });
    }
}
