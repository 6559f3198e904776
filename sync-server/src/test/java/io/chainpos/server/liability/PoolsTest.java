package io.chainpos.server.liability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which store's liability a member's earning and spending moves. */
class PoolsTest {

    @Test
    void earningGoesToTheStoreWhereItHappened() {
        List<Pools.Pool> moves = Pools.apply(List.of(new Pools.Pool("S001", new long[] {100, 0, 0})), "S002", new long[] {30, 5_000, 1_000});

        assertThat(moves).singleElement().satisfies(m -> {
            assertThat(m.store()).isEqualTo("S002");
            assertThat(m.amounts()).containsExactly(30, 5_000, 1_000);
        });
    }

    @Test
    void spendingTakesTheSpendingStoresPoolFirstThenTheOthersInStoreOrderThenOverdrawsHere() {
        List<Pools.Pool> pools = List.of(new Pools.Pool("S001", new long[] {0, 300, 0}), new Pools.Pool("S002", new long[] {0, 200, 0}),
                new Pools.Pool("S003", new long[] {0, 100, 0}));

        List<Pools.Pool> moves = Pools.apply(pools, "S003", new long[] {0, -700, 0});

        assertThat(moves).extracting(Pools.Pool::store).containsExactly("S003", "S001", "S002");
        assertThat(moves.get(0).amounts()).as("its own 100, then 100 more it did not have").containsExactly(0, -200, 0);
        assertThat(moves.get(1).amounts()).containsExactly(0, -300, 0);
        assertThat(moves.get(2).amounts()).containsExactly(0, -200, 0);
    }

    @Test
    void paidAndBonusAreTakenEachFromTheirOwnPart() {
        List<Pools.Pool> pools = List.of(new Pools.Pool("S001", new long[] {0, 1_000, 200}));

        List<Pools.Pool> moves = Pools.apply(pools, "S002", new long[] {0, -400, -200});

        assertThat(moves).singleElement().satisfies(m -> {
            assertThat(m.store()).isEqualTo("S001");
            assertThat(m.amounts()).containsExactly(0, -400, -200);
        });
    }
}
