package io.chainpos.till.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.MembersMerged;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.member.HistoryEntry;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.testing.HeadOfficeEvents;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The till finds a member's events through the member index: its own, pulled ones, and its merged members'. */
class MemberEventIndexTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;

    @Test
    void historyHoldsTheMembersOwnAndMergedEventsAndNoOneElsesAndARebuildKeepsIt() {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1")) {
            Member survivor = register(till, "13800000001", "李雷");
            Member merged = register(till, "13800000002", "李雷二");
            Member stranger = register(till, "13800000003", "韩梅梅");
            till.ledger.write(tx -> tx.append(new PointsChanged(merged.memberId(), 40, PointsChanged.Reason.ADJUST, null, List.of())));
            till.ledger.write(tx -> tx.append(new PointsChanged(stranger.memberId(), 7, PointsChanged.Reason.ADJUST, null, List.of())));
            HeadOfficeEvents office = new HeadOfficeEvents(clock);
            till.ledger.remote().applyPulled(List.of(
                    office.envelope(new PointsChanged(survivor.memberId(), 5, PointsChanged.Reason.ADJUST, null, List.of())),
                    office.envelope(new MembersMerged(survivor.memberId(), merged.memberId(), "same person"))), 2);
            MemberHistory history = new MemberHistory(till.ledger, till.members, till.codec, null);

            List<HistoryEntry> entries = history.of(survivor.memberId()).entries();

            assertThat(entries).extracting(HistoryEntry::type).containsExactlyInAnyOrder("MemberRegistered", "MemberRegistered",
                    "PointsChanged", "PointsChanged", "MembersMerged");
            assertThat(entries).extracting(HistoryEntry::memberId).doesNotContain(stranger.memberId().toString());
            assertThat(entries).filteredOn(e -> e.type().equals("PointsChanged")).extracting(e -> e.fields().get("delta"))
                    .containsExactlyInAnyOrder(40L, 5L);
            assertThat(history.of(merged.memberId()).entries()).as("the merged id finds its survivor's family").isEqualTo(entries);

            till.ledger.rebuildProjections();

            assertThat(history.of(survivor.memberId()).entries()).isEqualTo(entries);
            assertThat(history.of(stranger.memberId()).entries()).extracting(HistoryEntry::type)
                    .containsExactly("MemberRegistered", "PointsChanged");
        }
    }

    private static Member register(TestTill till, String phone, String name) {
        return ((RegisterMember.Registered) till.registerMember.register(
                new RegisterMember.Request(phone, name, null, null, false))).member();
    }
}
