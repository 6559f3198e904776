package io.chainpos.server.messaging;

import io.chainpos.server.db.Database;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link MessageSettings} in {@code message_settings}, by name; the watch in {@code message_stored_value_watch}. */
public final class JdbcMessageSettings implements MessageSettings {
    static final String STORED_VALUE_LOW = "storedValueLowBelow";
    static final String BIRTHDAY_COUPON = "birthdayCouponPromotion";

    private final Database db;
    private final Clock clock;

    public JdbcMessageSettings(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Values values() {
        Map<String, String> stored = new HashMap<>();
        db.read(h -> h.createQuery("SELECT name, value FROM message_settings").map((rs, ctx) -> stored.put(rs.getString(1), rs.getString(2)))
                .list());
        return new Values(Optional.ofNullable(stored.get(STORED_VALUE_LOW)).map(Long::parseLong),
                Optional.ofNullable(stored.get(BIRTHDAY_COUPON)));
    }

    @Override
    public void save(Values values, String by) {
        Values before = values();
        db.write(tx -> {
            put(tx, STORED_VALUE_LOW, values.storedValueLowBelow().map(String::valueOf), by);
            put(tx, BIRTHDAY_COUPON, values.birthdayCouponPromotion(), by);
            if (!before.storedValueLowBelow().equals(values.storedValueLowBelow())) {
                tx.sql().update("DELETE FROM message_stored_value_watch");
            }
            return null;
        });
    }

    private void put(Database.Tx tx, String name, Optional<String> value, String by) {
        if (value.isEmpty()) {
            tx.sql().update("DELETE FROM message_settings WHERE name = ?", name);
            return;
        }
        tx.sql().update("""
                INSERT INTO message_settings (name, value, updated_by, updated_ms) VALUES (?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_ms = excluded.updated_ms""",
                name, value.get(), by, clock.millis());
    }
}
