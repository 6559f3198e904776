package io.chainpos.server.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.id.EventId;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.testing.SampleEvents;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the projector may take from memory instead of the log: a range only when every event of it is held. */
class RecentEventsTest {
    private static EventEnvelope event(long tillSeq) {
        return new EventEnvelope(new EventId(new UUID(0x0192f0a0_0000_7000L, 0x8000_0000_0000_0000L + tillSeq)), StoreId.of("S1"),
                TillId.of("S1-T1"), 1, tillSeq, tillSeq, Instant.parse("2026-12-07T08:00:00Z"),
                new PointsChanged(SampleEvents.MEMBER, 10, PointsChanged.Reason.EARN, null, List.of()));
    }

    private static void store(RecentEvents recent, long serverSeq) {
        RecentEvents.Pending pending = recent.pending();
        pending.add(serverSeq, event(serverSeq));
        pending.committed();
    }

    @Test
    void aRangeHeldWholeComesInServerOrder() {
        RecentEvents recent = new RecentEvents(100);
        for (long seq : new long[] {12, 10, 11, 13}) {
            store(recent, seq);
        }
        assertThat(recent.range(10, 13)).extracting(EventEnvelope::tillSeq).containsExactly(10L, 11L, 12L, 13L);
        assertThat(recent.range(11, 12)).extracting(EventEnvelope::tillSeq).containsExactly(11L, 12L);
    }

    @Test
    void aRangeMissingOneEventIsNotHeld() {
        RecentEvents recent = new RecentEvents(100);
        store(recent, 10);
        store(recent, 12);
        assertThat(recent.range(10, 12)).isNull(); // 11: another node's push, or not committed yet
        assertThat(recent.range(10, 13)).isNull();
    }

    @Test
    void whatWasMergedOrPushedOutIsNotHeldAnyMore() {
        RecentEvents recent = new RecentEvents(3);
        for (long seq = 1; seq <= 5; seq++) {
            store(recent, seq);
        }
        assertThat(recent.range(1, 5)).isNull(); // the oldest gave way
        assertThat(recent.range(3, 5)).hasSize(3);
        recent.mergedThrough(3);
        assertThat(recent.range(3, 5)).isNull();
        assertThat(recent.range(4, 5)).hasSize(2);
    }

    @Test
    void uncommittedEventsAreNotHeld() {
        RecentEvents recent = new RecentEvents(100);
        RecentEvents.Pending rolledBack = recent.pending();
        rolledBack.add(1, event(1));
        assertThat(recent.range(1, 1)).isNull();
    }
}
