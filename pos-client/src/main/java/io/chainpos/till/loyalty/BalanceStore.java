package io.chainpos.till.loyalty;

import io.chainpos.model.id.MemberId;
import org.jdbi.v3.core.Handle;

/** A member's balances as this till knows them: sums over the member and every id merged into it. */
public final class BalanceStore {
    private static final String IDS = "(SELECT :id UNION SELECT merged_id FROM member_aliases WHERE survivor_id = :id)";

    public long points(Handle h, MemberId member) {
        return sum(h, "points_entries", member);
    }

    /** Stored value in minor units. */
    public long storedValue(Handle h, MemberId member) {
        return sum(h, "stored_value_entries", member);
    }

    private static long sum(Handle h, String table, MemberId member) {
        return h.createQuery("SELECT COALESCE(SUM(delta), 0) FROM " + table + " WHERE member_id IN " + IDS)
                .bind("id", member.toString())
                .mapTo(Long.class)
                .one();
    }
}
