package io.chainpos.server.liability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rule that says which store's liability a member's spending reduces. A member holds a pool per store
 * (points, paid stored value, bonus stored value); a positive change goes to the pool of the store where it
 * happened; a negative one is taken, amount by amount, from the spending store's pool first, then from the
 * other pools with something left in store order, and what is still owed (an overdraft) from the spending
 * store's pool, which goes below zero. Pure, so the rule is tested by itself.
 */
final class Pools {
    private Pools() {
    }

    /** A store's pool of one member: points, paid, bonus; or, as a result, the change to it. */
    record Pool(String store, long[] amounts) {
    }

    /** The changes to make to {@code pools} (a member's, by store) for {@code change} at {@code store}. */
    static List<Pool> apply(List<Pool> pools, String store, long[] change) {
        List<Pool> order = new ArrayList<>(pools);
        order.sort(Comparator.comparing((Pool p) -> !p.store().equals(store)).thenComparing(Pool::store));
        List<Pool> moves = new ArrayList<>();
        long[] here = new long[3];
        for (int account = 0; account < 3; account++) {
            long amount = change[account];
            if (amount >= 0) {
                here[account] += amount;
                continue;
            }
            long owed = -amount;
            for (Pool pool : order) {
                long available = Math.max(0, pool.amounts()[account]);
                long taken = Math.min(owed, available);
                if (taken > 0) {
                    moveOf(moves, pool.store())[account] -= taken;
                    owed -= taken;
                }
            }
            here[account] -= owed;
        }
        if (here[0] != 0 || here[1] != 0 || here[2] != 0) {
            long[] into = moveOf(moves, store);
            for (int account = 0; account < 3; account++) {
                into[account] += here[account];
            }
        }
        moves.removeIf(m -> m.amounts()[0] == 0 && m.amounts()[1] == 0 && m.amounts()[2] == 0);
        return moves;
    }

    private static long[] moveOf(List<Pool> moves, String store) {
        for (Pool move : moves) {
            if (move.store().equals(store)) {
                return move.amounts();
            }
        }
        Pool move = new Pool(store, new long[3]);
        moves.add(move);
        return move.amounts();
    }
}
