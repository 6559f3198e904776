package io.chainpos.server.messaging;

import io.chainpos.server.db.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** {@link StoredValueWatch} in {@code message_stored_value_watch}. */
public final class JdbcStoredValueWatch implements StoredValueWatch {
    private final Database db;

    public JdbcStoredValueWatch(Database db) {
        this.db = db;
    }

    @Override
    public Map<String, Instant> watched() {
        Map<String, Instant> watched = new HashMap<>();
        db.read(h -> h.createQuery("SELECT member_id, since_ms FROM message_stored_value_watch")
                .map((rs, ctx) -> watched.put(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)))).list());
        return watched;
    }

    @Override
    public void watch(Collection<String> memberIds, Instant since) {
        List<Object[]> rows = new ArrayList<>();
        new TreeSet<>(memberIds).forEach(id -> rows.add(new Object[] {id, since.toEpochMilli()}));
        db.write(tx -> {
            tx.sql().batch("INSERT INTO message_stored_value_watch (member_id, since_ms) VALUES (?, ?) ON CONFLICT (member_id) DO NOTHING", rows);
            return null;
        });
    }

    @Override
    public void unwatch(Collection<String> memberIds) {
        List<Object[]> rows = new ArrayList<>();
        new TreeSet<>(memberIds).forEach(id -> rows.add(new Object[] {id}));
        db.write(tx -> {
            tx.sql().batch("DELETE FROM message_stored_value_watch WHERE member_id = ?", rows);
            return null;
        });
    }
}
