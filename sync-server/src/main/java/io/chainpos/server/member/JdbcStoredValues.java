package io.chainpos.server.member;

import io.chainpos.server.db.Database;
import java.util.HashMap;
import java.util.Map;

/** {@link StoredValues} summed from {@code member_balances} in one statement. */
public final class JdbcStoredValues implements StoredValues {
    private final Database db;

    public JdbcStoredValues(Database db) {
        this.db = db;
    }

    @Override
    public Map<String, Long> bySurvivor() {
        Map<String, Long> values = new HashMap<>();
        db.read(h -> h.createQuery("""
                        SELECT COALESCE(a.survivor_id, b.member_id) AS survivor, SUM(b.stored_value)
                        FROM member_balances b LEFT JOIN member_aliases a ON a.merged_id = b.member_id
                        GROUP BY COALESCE(a.survivor_id, b.member_id)""")
                .map((rs, ctx) -> values.put(rs.getString(1), rs.getLong(2))).list());
        return values;
    }
}
