package io.chainpos.server.member;

import io.chainpos.server.db.Database;
import io.chainpos.server.db.KeyRing;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link KeysAtRest} over {@code member_keys} and {@code chain_secrets}. */
public final class JdbcKeysAtRest implements KeysAtRest {
    private static final int BATCH = 500;
    private static final String UNWRAPPED = "unwrapped";

    private record Table(String name, String key, String value, java.util.function.UnaryOperator<String> row) {
    }

    private static final List<Table> TABLES = List.of(
            new Table("member_keys", "member_id", "key_material", JdbcMemberKeys::memberRow),
            new Table("chain_secrets", "name", "value", JdbcMemberKeys::secretRow));

    private final Database db;
    private final KeyRing ring;

    public JdbcKeysAtRest(Database db, KeyRing ring) {
        this.db = db;
        this.ring = ring;
    }

    @Override
    public Rewrapped rewrap() {
        long[] done = new long[TABLES.size()];
        long left = 0;
        for (int t = 0; t < TABLES.size(); t++) {
            Table table = TABLES.get(t);
            String after = "";
            while (true) {
                List<String[]> rows = page(table, after);
                if (rows.isEmpty()) {
                    break;
                }
                after = rows.getLast()[0];
                List<String[]> stale = rows.stream().filter(r -> !ring.isCurrent(r[1])).toList();
                long[] counts = db.write(tx -> {
                    long changed = 0;
                    long unopened = 0;
                    for (String[] row : stale) {
                        String secret;
                        try {
                            secret = ring.unwrap(table.row().apply(row[0]), row[1]);
                        } catch (KeyRing.KeyUnavailable | IllegalArgumentException e) {
                            unopened++;
                            continue;
                        }
                        // Only if unchanged since read: an erasure in between deletes the row, and stays deleted.
                        changed += tx.handle().createUpdate("UPDATE " + table.name() + " SET " + table.value() + " = :wrapped WHERE "
                                        + table.key() + " = :key AND " + table.value() + " = :was")
                                .bind("wrapped", ring.wrap(table.row().apply(row[0]), secret)).bind("key", row[0]).bind("was", row[1])
                                .execute();
                    }
                    return new long[] {changed, unopened};
                });
                done[t] += counts[0];
                left += counts[1];
            }
        }
        return new Rewrapped(done[0], done[1], left);
    }

    @Override
    public void checkOpens() {
        Table secrets = TABLES.getLast();
        for (String[] row : page(secrets, "")) {
            ring.unwrap(secrets.row().apply(row[0]), row[1]);
        }
    }

    @Override
    public Map<String, Long> byKey() {
        Map<String, Long> counts = new TreeMap<>();
        for (Table table : TABLES) {
            String after = "";
            while (true) {
                List<String[]> rows = page(table, after);
                if (rows.isEmpty()) {
                    break;
                }
                after = rows.getLast()[0];
                for (String[] row : rows) {
                    counts.merge(keyOf(row[1]), 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    private List<String[]> page(Table table, String after) {
        return db.read(h -> h.createQuery("SELECT " + table.key() + ", " + table.value() + " FROM " + table.name()
                        + " WHERE " + table.key() + " > :after ORDER BY " + table.key() + " LIMIT " + BATCH)
                .bind("after", after).map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).list());
    }

    private static String keyOf(String stored) {
        if (!stored.startsWith(KeyRing.PREFIX)) {
            return UNWRAPPED;
        }
        int colon = stored.indexOf(':', KeyRing.PREFIX.length());
        return colon < 0 ? UNWRAPPED : stored.substring(KeyRing.PREFIX.length(), colon);
    }
}
