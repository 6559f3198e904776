package io.chainpos.till.loyalty;

import io.chainpos.model.id.MemberId;
import io.chainpos.till.ledger.LedgerSession;

/** A member's balances as this till knows them: sums over the member's survivor and every id merged into it. */
public final class BalanceStore {
    // The member's survivor (itself unless merged away) and every id merged into it: asking by a merged-away id
    // gives the same balance as asking by the survivor.
    private static final String SURVIVOR = "COALESCE((SELECT survivor_id FROM member_aliases WHERE merged_id = :id), :id)";
    private static final String IDS = "(SELECT " + SURVIVOR + " UNION SELECT merged_id FROM member_aliases WHERE survivor_id = "
            + SURVIVOR + ")";

    public long points(LedgerSession session, MemberId member) {
        return sum(session, "points_entries", member);
    }

    /** Stored value in minor units. */
    public long storedValue(LedgerSession session, MemberId member) {
        return sum(session, "stored_value_entries", member);
    }

    /** A sale's points deltas by reason (EARN, REDEEM, REVERSE...), summed: what a refund must undo. */
    public java.util.Map<String, long[]> pointsOfSale(LedgerSession session, io.chainpos.model.id.SaleId sale) {
        java.util.Map<String, long[]> out = new java.util.HashMap<>();
        session.handle().createQuery("SELECT reason, delta FROM points_entries WHERE sale_id = :sale")
                .bind("sale", sale.toString())
                .map((rs, ctx) -> {
                    long[] sums = out.computeIfAbsent(rs.getString(1), r -> new long[2]); // positive, negative
                    long delta = rs.getLong(2);
                    sums[delta >= 0 ? 0 : 1] += delta;
                    return delta;
                })
                .list();
        return out;
    }

    private static long sum(LedgerSession session, String table, MemberId member) {
        return session.handle().createQuery("SELECT COALESCE(SUM(delta), 0) FROM " + table + " WHERE member_id IN " + IDS)
                .bind("id", member.toString())
                .mapTo(Long.class)
                .one();
    }
}
