package io.chainpos.model.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.MemberTierChanged;
import io.chainpos.model.event.TierRulesPublished;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.SaleId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TierRulesTest {
    static final TierRulesPublished DEFAULT = new TierRulesPublished(3, Instant.EPOCH, TierRulesPublished.Basis.SPEND, 12, List.of(
            new TierRulesPublished.Tier("NORMAL", "普通", "Regular", 0, 10000, 10000, 0),
            new TierRulesPublished.Tier("SILVER", "银卡", "Silver", 100000, 9800, 12000, 100),
            new TierRulesPublished.Tier("GOLD", "金卡", "Gold", 500000, 9500, 15000, 200),
            new TierRulesPublished.Tier("DIAMOND", "钻石", "Diamond", 2000000, 9000, 20000, 500)));
    private static final MemberId MEMBER = new MemberId(UUID.fromString("0192f0a0-0000-7000-8000-000000000001"));
    private static final SaleId SALE = new SaleId(UUID.fromString("0192f0a0-0000-7000-8000-000000000010"));
    private static final LocalDate YEAR = LocalDate.of(2026, 1, 1);

    @Test
    void theThresholdExactlyMetReachesTheTier() {
        assertThat(TierRules.reached(DEFAULT, 99_999).code()).isEqualTo("NORMAL");
        assertThat(TierRules.reached(DEFAULT, 100_000).code()).isEqualTo("SILVER");
        assertThat(TierRules.reached(DEFAULT, 2_000_000).code()).isEqualTo("DIAMOND");
    }

    @Test
    void theSaleThatCrossesTheThresholdUpgrades() {
        assertThat(TierRules.upgrade(DEFAULT, MEMBER, "NORMAL", YEAR, 99_999, SALE)).isEmpty();
        MemberTierChanged up = TierRules.upgrade(DEFAULT, MEMBER, "NORMAL", YEAR, 100_000, SALE).orElseThrow();
        assertThat(up).isEqualTo(new MemberTierChanged(MEMBER, "NORMAL", "SILVER", MemberTierChanged.Direction.UPGRADE, 3,
                YEAR, 100_000, SALE));
        assertThat(TierRules.upgrade(DEFAULT, MEMBER, "NORMAL", YEAR, 600_000, SALE).orElseThrow().toTier())
                .as("a big sale may skip a tier").isEqualTo("GOLD");
    }

    @Test
    void aSaleNeverDowngrades() {
        assertThat(TierRules.upgrade(DEFAULT, MEMBER, "GOLD", YEAR, 10, SALE)).isEmpty();
    }

    @Test
    void periodEndDowngradesToWhatTheEndedPeriodReached() {
        assertThat(TierRules.periodEnd(DEFAULT, MEMBER, "GOLD", YEAR, 500_000)).as("kept exactly").isEmpty();
        MemberTierChanged down = TierRules.periodEnd(DEFAULT, MEMBER, "GOLD", YEAR, 499_999).orElseThrow();
        assertThat(down.toTier()).isEqualTo("SILVER");
        assertThat(down.direction()).isEqualTo(MemberTierChanged.Direction.DOWNGRADE);
        assertThat(TierRules.periodEnd(DEFAULT, MEMBER, "NORMAL", YEAR, 3_000_000)).as("never up at period end").isEmpty();
    }

    @Test
    void periodsAreAlignedOnTheCalendar() {
        assertThat(TierRules.periodStart(LocalDate.of(2026, 12, 31), 12)).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(TierRules.periodStart(LocalDate.of(2027, 1, 1), 12)).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(TierRules.periodStart(LocalDate.of(2026, 6, 30), 6)).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(TierRules.periodStart(LocalDate.of(2026, 7, 1), 6)).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(TierRules.periodStart(LocalDate.of(2026, 5, 9), 3)).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(TierRules.periodEnd(LocalDate.of(2026, 4, 1), 3)).isEqualTo(LocalDate.of(2026, 7, 1));
    }
}
