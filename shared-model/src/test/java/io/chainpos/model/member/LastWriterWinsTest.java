package io.chainpos.model.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LastWriterWinsTest {

    @Test
    void theLaterTimestampWinsThenTheHigherTillThenTheHigherEvent() {
        Stamp base = new Stamp(10, "S001-T1", "e1");

        assertThat(LastWriterWins.wins(new Stamp(11, "A", "a"), base)).isTrue();
        assertThat(LastWriterWins.wins(new Stamp(10, "S002-T1", "a"), base)).isTrue();
        assertThat(LastWriterWins.wins(new Stamp(10, "S001-T1", "e2"), base)).isTrue();
        assertThat(LastWriterWins.wins(new Stamp(9, "Z", "z"), base)).isFalse();
        assertThat(LastWriterWins.wins(new Stamp(10, "S001-T0", "z"), base)).isFalse();
    }

    @Test
    void theSameWriteAgainDoesNotReplaceItselfAndAFirstWriteAlwaysDoes() {
        Stamp write = new Stamp(10, "S001-T1", "e1");

        assertThat(LastWriterWins.wins(new Stamp(10, "S001-T1", "e1"), write)).isFalse();
        assertThat(LastWriterWins.wins(write, null)).isTrue();
    }

    @Property
    void anyArrivalOrderKeepsTheSameWinner(@ForAll @IntRange(min = 1, max = 12) int writes, @ForAll long seed) {
        Random random = new Random(seed);
        List<Stamp> stamps = new ArrayList<>();
        for (int i = 0; i < writes; i++) { // few distinct timestamps and tills, so ties are common
            stamps.add(new Stamp(random.nextInt(3), "S00" + random.nextInt(2) + "-T1", "e" + i));
        }
        Stamp expected = stamps.stream().max(LastWriterWins.ORDER).orElseThrow();

        Collections.shuffle(stamps, random);
        Stamp kept = null;
        for (Stamp stamp : stamps) {
            if (LastWriterWins.wins(stamp, kept)) {
                kept = stamp;
            }
        }

        assertThat(kept).isEqualTo(expected);
    }

    @Test
    void theSqlConditionNamesTheSameColumnsInTheSameOrder() {
        assertThat(LastWriterWins.sqlLater("excluded", "member_tiers")).isEqualTo(
                "(excluded.hlc > member_tiers.hlc"
                        + " OR (excluded.hlc = member_tiers.hlc AND excluded.till_id > member_tiers.till_id)"
                        + " OR (excluded.hlc = member_tiers.hlc AND excluded.till_id = member_tiers.till_id"
                        + " AND excluded.event_id > member_tiers.event_id))");
    }
}
