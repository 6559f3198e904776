package io.chainpos.server.sync;

import io.chainpos.server.auth.TillPrincipal;
import io.chainpos.server.db.Database;
import java.time.Instant;

/**
 * The {@code till_activity} table: one upsert per answered push, and per pull worth recording. A report of the moment,
 * written without waiting for the disk ({@link Database#writeUnforced}): a power cut may forget the last contacts, and
 * the till's next push or pull tells them again.
 */
public final class JdbcTillActivity implements TillActivity {
    private final Database db;

    public JdbcTillActivity(Database db) {
        this.db = db;
    }

    @Override
    public void pushed(TillPrincipal till, String version, Instant at, Held held) {
        String max = db.dialect() == io.chainpos.server.db.Dialect.POSTGRESQL ? "GREATEST" : "MAX";
        db.writeUnforced(tx -> {
            tx.handle().createUpdate("""
                            INSERT INTO till_activity (till_id, store_id, last_push_ms, contact_ms, app_version)
                            VALUES (:till, :store, :at, :at, :version)
                            ON CONFLICT (till_id) DO UPDATE SET last_push_ms = excluded.last_push_ms,
                                contact_ms = excluded.contact_ms, store_id = excluded.store_id,
                                app_version = COALESCE(excluded.app_version, till_activity.app_version)""")
                    .bind("till", till.tillId().value()).bind("store", till.storeId().value()).bind("at", at.toEpochMilli())
                    .bind("version", version).execute();
            if (held != null) {
                tx.handle().createUpdate("""
                                INSERT INTO till_held (till_id, till_epoch, held_through, last_receipt, received_receipt, reported_ms)
                                VALUES (:till, :epoch, :through, :last, :received, :at)
                                ON CONFLICT (till_id, till_epoch) DO UPDATE SET
                                    held_through = %1$s(till_held.held_through, excluded.held_through),
                                    last_receipt = %1$s(COALESCE(till_held.last_receipt, 0), excluded.last_receipt),
                                    received_receipt = %1$s(COALESCE(till_held.received_receipt, 0), excluded.received_receipt),
                                    reported_ms = excluded.reported_ms""".formatted(max))
                        .bind("till", till.tillId().value()).bind("epoch", held.epoch()).bind("through", held.heldThrough())
                        .bind("last", held.lastReceipt()).bind("received", held.receivedReceipt()).bind("at", at.toEpochMilli())
                        .execute();
            }
            return null;
        });
    }

    @Override
    public void pulled(TillPrincipal till, String version, long after, long next, long newest, Instant at) {
        db.writeUnforced(tx -> tx.handle().createUpdate("""
                        INSERT INTO till_activity (till_id, store_id, last_pull_ms, contact_ms, pulled_to, pull_lag, app_version)
                        VALUES (:till, :store, :at, :at, :next, :lag, :version)
                        ON CONFLICT (till_id) DO UPDATE SET last_pull_ms = excluded.last_pull_ms,
                            contact_ms = excluded.contact_ms, store_id = excluded.store_id,
                            pulled_to = excluded.pulled_to, pull_lag = excluded.pull_lag,
                            app_version = COALESCE(excluded.app_version, till_activity.app_version)""")
                .bind("till", till.tillId().value()).bind("store", till.storeId().value()).bind("at", at.toEpochMilli())
                .bind("next", next).bind("lag", Math.max(0, newest - after)).bind("version", version).execute());
    }
}
