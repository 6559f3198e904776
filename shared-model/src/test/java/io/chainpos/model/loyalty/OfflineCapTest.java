package io.chainpos.model.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.LoyaltyRulesPublished;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfflineCapTest {
    private static final LoyaltyRulesPublished RULES = new LoyaltyRulesPublished(1, Instant.EPOCH, 1, Map.of(), List.of(), 0, 1,
            12, 500, 60);
    private static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");

    @Test
    void withinTheConfiguredTimeThereIsNoCap() {
        Instant synced = NOW.minus(Duration.ofMinutes(60));
        assertThat(OfflineCap.decide(RULES, true, synced, NOW, 0, 10_000)).isInstanceOf(OfflineCap.Allowed.class);
    }

    @Test
    void pastTheConfiguredTimeRedemptionPerMemberIsCappedUpToTheCapExactly() {
        Instant synced = NOW.minus(Duration.ofMinutes(61));
        assertThat(OfflineCap.decide(RULES, true, synced, NOW, 0, 500)).isInstanceOf(OfflineCap.Allowed.class);
        assertThat(OfflineCap.decide(RULES, true, synced, NOW, 200, 300)).isInstanceOf(OfflineCap.Allowed.class);
        OfflineCap.Decision capped = OfflineCap.decide(RULES, true, synced, NOW, 200, 301);
        assertThat(capped).isInstanceOfSatisfying(OfflineCap.Capped.class, c -> {
            assertThat(c.stillAllowed()).isEqualTo(300);
            assertThat(c).isEqualTo(new OfflineCap.Capped(300, 500, 60, 61L));
        });
    }

    @Test
    void storedValueHasItsOwnLimitOnlyWhenHeadOfficeSetsOne() {
        Instant synced = NOW.minus(Duration.ofMinutes(61));
        assertThat(OfflineCap.decideStoredValue(RULES, true, synced, NOW, 0, 1_000_000)).isInstanceOf(OfflineCap.Allowed.class);
        LoyaltyRulesPublished capped = new LoyaltyRulesPublished(1, Instant.EPOCH, 1, Map.of(), List.of(), 0, 1, 12, 500, 60,
                List.of(), List.of(), 20_000L);
        assertThat(OfflineCap.decideStoredValue(capped, true, synced, NOW, 15_000, 5_000)).isInstanceOf(OfflineCap.Allowed.class);
        assertThat(OfflineCap.decideStoredValue(capped, true, synced, NOW, 15_000, 5_001)).isInstanceOfSatisfying(OfflineCap.Capped.class,
                c -> assertThat(c).isEqualTo(new OfflineCap.Capped(5_000, 20_000, 60, 61L)));
        assertThat(OfflineCap.decideStoredValue(capped, true, NOW, NOW, 15_000, 50_000)).isInstanceOf(OfflineCap.Allowed.class);
    }

    @Test
    void aLinkedTillThatNeverSyncedIsCappedAndAStandaloneTillIsNot() {
        assertThat(OfflineCap.decide(RULES, true, null, NOW, 0, 501)).isEqualTo(new OfflineCap.Capped(500, 500, 60, null));
        assertThat(OfflineCap.decide(RULES, false, null, NOW, 0, 501)).isInstanceOf(OfflineCap.Allowed.class);
    }
}
