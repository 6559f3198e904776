package io.chainpos.model.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.LoyaltyRulesPublished;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class StoredValueTest {
    private static final LoyaltyRulesPublished RULES = new LoyaltyRulesPublished(1, Instant.EPOCH, 1, Map.of(), List.of(), 0, 1,
            12, 500, 60, List.of(new LoyaltyRulesPublished.TopUpBonus("充100送20", 10000, 2000),
                    new LoyaltyRulesPublished.TopUpBonus("充500送150", 50000, 15000)), List.of());

    @Test
    void paidMoneyIsSpentFirstAndBonusLast() {
        StoredValue balance = new StoredValue(10000, 2000);
        assertThat(balance.spend(9999).orElseThrow()).isEqualTo(new StoredValue.Split(9999, 0));
        assertThat(balance.spend(10000).orElseThrow()).isEqualTo(new StoredValue.Split(10000, 0));
        assertThat(balance.spend(10001).orElseThrow()).isEqualTo(new StoredValue.Split(10000, 1));
        assertThat(balance.spend(12000).orElseThrow()).isEqualTo(new StoredValue.Split(10000, 2000));
        assertThat(balance.spend(12001)).isEmpty();
    }

    @Test
    void theHighestBonusStepReachedApplies() {
        assertThat(StoredValue.bonusFor(RULES, 9999)).isEmpty();
        assertThat(StoredValue.bonusFor(RULES, 10000).orElseThrow().bonus()).isEqualTo(2000);
        assertThat(StoredValue.bonusFor(RULES, 49999).orElseThrow().bonus()).isEqualTo(2000);
        assertThat(StoredValue.bonusFor(RULES, 50000).orElseThrow().bonus()).isEqualTo(15000);
    }

    /** A top-up (positive) or a payment (negative) of stored value, in fen. */
    @Property
    void paidAndBonusNeverGoNegativeAndAlwaysAddUpToTheBalance(
            @ForAll @net.jqwik.api.constraints.Size(max = 40) List<@LongRange(min = -60_000, max = 60_000) Long> moves) {
        long paid = 0;
        long bonus = 0;
        long balance = 0;
        for (long move : moves) {
            if (move > 0) {
                long given = StoredValue.bonusFor(RULES, move).map(LoyaltyRulesPublished.TopUpBonus::bonus).orElse(0L);
                paid += move;
                bonus += given;
                balance += move + given;
            } else if (move < 0) {
                java.util.Optional<StoredValue.Split> split = new StoredValue(paid, bonus).spend(-move);
                if (split.isPresent()) {
                    paid -= split.get().paid();
                    bonus -= split.get().bonus();
                    balance += move;
                }
            }
            assertThat(paid).isNotNegative();
            assertThat(bonus).isNotNegative();
            assertThat(paid + bonus).isEqualTo(balance);
        }
    }

    @Property
    void aSplitAddsUpAndTakesBonusOnlyOncePaidIsGone(@ForAll @LongRange(max = 1_000_000) long paid,
                                                   @ForAll @LongRange(max = 1_000_000) long bonus,
                                                   @ForAll @LongRange(min = 1, max = 2_000_000) long amount) {
        StoredValue balance = new StoredValue(paid, bonus);
        balance.spend(amount).ifPresentOrElse(split -> {
            assertThat(split.total()).isEqualTo(amount);
            assertThat(split.paid()).isBetween(0L, paid);
            assertThat(split.bonus()).isBetween(0L, bonus);
            assertThat(split.bonus() == 0 || split.paid() == paid).isTrue();
            StoredValue after = new StoredValue(paid - split.paid(), bonus - split.bonus());
            assertThat(after.balance()).isEqualTo(balance.balance() - amount);
        }, () -> assertThat(amount).isGreaterThan(paid + bonus));
    }
}
