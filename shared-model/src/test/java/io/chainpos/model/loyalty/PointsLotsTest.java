package io.chainpos.model.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PointsLotsTest {
    private static final LocalDate MARCH_15 = LocalDate.of(2026, 3, 15);

    @Test
    void redemptionTakesTheOldestLotFirst() {
        PointsLots lots = PointsLots.of(List.of(change(MARCH_15, 100), change(MARCH_15.plusMonths(1), 50),
                change(MARCH_15.plusMonths(2), -120)));
        assertThat(lots.lots()).containsExactly(new PointsLots.Lot(MARCH_15.plusMonths(1), 30));
        assertThat(lots.balance()).isEqualTo(30);
    }

    @Test
    void aLotIsGoodThroughTheEndOfTheMonthAndExpiresTheDayAfter() {
        PointsLots lots = PointsLots.of(List.of(change(MARCH_15, 100)));
        assertThat(PointsLots.lastDay(MARCH_15, 12)).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(lots.expiredOn(LocalDate.of(2027, 3, 31), 12)).as("still good on its last day").isZero();
        assertThat(lots.expiredOn(LocalDate.of(2027, 4, 1), 12)).isEqualTo(100);
        assertThat(lots.expiredOn(LocalDate.of(2027, 4, 1), 0)).as("0 months: never expires").isZero();
    }

    @Test
    void expiringWithinCountsLotsWhoseLastDayIsInTheWindow() {
        PointsLots lots = PointsLots.of(List.of(change(MARCH_15, 100), change(LocalDate.of(2026, 4, 2), 40)));
        // Last days: 2027-03-31 and 2027-04-30.
        assertThat(lots.expiringWithin(LocalDate.of(2027, 3, 2), 30, 12)).isEqualTo(100);
        assertThat(lots.expiringWithin(LocalDate.of(2027, 3, 1), 30, 12)).as("31 March is the 30th day after, outside").isZero();
        assertThat(lots.expiringWithin(LocalDate.of(2027, 3, 31), 31, 12)).isEqualTo(140);
        assertThat(lots.expiringWithin(LocalDate.of(2027, 4, 1), 30, 12)).as("already expired is not expiring").isEqualTo(40);
    }

    @Test
    void anOverdraftIsPaidBackBeforeANewLotOpens() {
        PointsLots lots = PointsLots.of(List.of(change(MARCH_15, 10), change(MARCH_15, -25), change(MARCH_15.plusDays(1), 20)));
        assertThat(lots.overdraft()).isZero();
        assertThat(lots.lots()).containsExactly(new PointsLots.Lot(MARCH_15.plusDays(1), 5));
    }

    @Test
    void aLateEarlierEarningIsFiledByItsDate() {
        PointsLots lots = PointsLots.of(List.of(change(MARCH_15.plusDays(5), 10), change(MARCH_15, 7)));
        assertThat(lots.lots()).extracting(PointsLots.Lot::earned).containsExactly(MARCH_15, MARCH_15.plusDays(5));
    }

    @Property
    void lotsAreNeverNegativeOrEmptyAndTheBalanceIsTheSumOfDeltas(
            @ForAll @Size(max = 40) List<@IntRange(min = -300, max = 300) Integer> deltas) {
        List<PointsLots.Change> changes = new ArrayList<>();
        for (int i = 0; i < deltas.size(); i++) {
            changes.add(change(MARCH_15.plusDays(i), deltas.get(i)));
        }
        PointsLots lots = PointsLots.of(changes);
        assertThat(lots.lots()).allSatisfy(lot -> assertThat(lot.remaining()).isPositive());
        assertThat(lots.balance()).isEqualTo(deltas.stream().mapToLong(Integer::longValue).sum());
        assertThat(lots.overdraft() == 0 || lots.lots().isEmpty()).as("an overdraft only when no lot is left").isTrue();
        assertThat(lots.lots()).extracting(PointsLots.Lot::earned).isSorted();
    }

    @Property
    void whatIsLeftIsTheNewestEarnings(@ForAll @Size(min = 1, max = 20) List<@IntRange(min = 1, max = 100) Integer> earned,
                                      @ForAll @IntRange(min = 0, max = 2000) int spent) {
        List<PointsLots.Change> changes = new ArrayList<>();
        for (int i = 0; i < earned.size(); i++) {
            changes.add(change(MARCH_15.plusDays(i), earned.get(i)));
        }
        changes.add(change(MARCH_15.plusDays(earned.size()), -spent));
        PointsLots lots = PointsLots.of(changes);
        // FIFO: walking back from the newest earning, the lots left are exactly the newest ones, the oldest of them partly used.
        long left = Math.max(0, earned.stream().mapToLong(Integer::longValue).sum() - spent);
        List<PointsLots.Lot> expected = new ArrayList<>();
        for (int i = earned.size() - 1; i >= 0 && left > 0; i--) {
            long keep = Math.min(left, earned.get(i));
            expected.addFirst(new PointsLots.Lot(MARCH_15.plusDays(i), keep));
            left -= keep;
        }
        assertThat(lots.lots()).isEqualTo(expected);
    }

    @Property
    void expiringWhatIsPastItsLastDayLeavesOnlyLotsStillGoodAndTheBalanceDownByThatMuch(
            @ForAll @Size(max = 30) List<@IntRange(min = -200, max = 300) Integer> deltas,
            @ForAll @IntRange(min = 0, max = 60) int daysApart, @ForAll @IntRange(min = 1, max = 24) int months,
            @ForAll @IntRange(min = 0, max = 1500) int expireAfterDays) {
        List<PointsLots.Change> changes = new ArrayList<>();
        for (int i = 0; i < deltas.size(); i++) {
            changes.add(change(MARCH_15.plusDays((long) i * daysApart), deltas.get(i)));
        }
        PointsLots lots = PointsLots.of(changes);
        LocalDate day = MARCH_15.plusDays(expireAfterDays + (long) deltas.size() * daysApart);
        long expiring = lots.expiredOn(day, months);
        PointsLots after = lots.apply(change(day, -expiring));

        assertThat(after.balance()).isEqualTo(lots.balance() - expiring);
        assertThat(after.lots()).allSatisfy(lot -> assertThat(PointsLots.lastDay(lot.earned(), months)).isAfterOrEqualTo(day));
        assertThat(after.expiredOn(day, months)).as("a second run finds nothing").isZero();
    }

    private static PointsLots.Change change(LocalDate day, long delta) {
        return new PointsLots.Change(day, delta);
    }
}
