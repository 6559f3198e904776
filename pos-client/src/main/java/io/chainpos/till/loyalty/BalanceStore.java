package io.chainpos.till.loyalty;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.SaleId;
import io.chainpos.till.ledger.LedgerSession;

/** A member's balances as this till knows them: sums over the member and every id merged into it. */
public final class BalanceStore {
    private static final String IDS = "(SELECT :id UNION SELECT merged_id FROM member_aliases WHERE survivor_id = :id)";

    public long points(LedgerSession session, MemberId member) {
        return sum(session, "points_entries", member);
    }

    /** Stored value in minor units. */
    public long storedValue(LedgerSession session, MemberId member) {
        return sum(session, "stored_value_entries", member);
    }

    /** The points a sale earned (its EARN entries); 0 when it earned none. For receipts and their reprints. */
    public long pointsEarned(LedgerSession session, SaleId sale) {
        return session.handle().createQuery("SELECT COALESCE(SUM(delta), 0) FROM points_entries "
                        + "WHERE sale_id = :sale AND reason = 'EARN'")
                .bind("sale", sale.toString())
                .mapTo(Long.class)
                .one();
    }

    private static long sum(LedgerSession session, String table, MemberId member) {
        return session.handle().createQuery("SELECT COALESCE(SUM(delta), 0) FROM " + table + " WHERE member_id IN " + IDS)
                .bind("id", member.toString())
                .mapTo(Long.class)
                .one();
    }
}
