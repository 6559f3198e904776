package io.chainpos.server.sync;

import io.chainpos.server.db.Database;
import io.chainpos.server.db.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code till_activity} and {@code till_held} tables, written a batch of contacts at a time ({@link TillContacts}
 * gathers them). A report of the moment, written without waiting for the disk ({@link Database#writeUnforced}): a power
 * cut may forget the last contacts, and the till's next push or pull tells them again. Times only move forward, so
 * nodes writing their batches in any order leave the latest contact.
 */
public final class JdbcTillActivity implements TillActivity {
    private final Database db;

    public JdbcTillActivity(Database db) {
        this.db = db;
    }

    @Override
    public void record(List<Pushed> pushes, List<Pulled> pulls) {
        if (pushes.isEmpty() && pulls.isEmpty()) {
            return;
        }
        String max = db.dialect() == Dialect.POSTGRESQL ? "GREATEST" : "MAX";
        List<Object[]> pushRows = new ArrayList<>();
        List<Object[]> heldRows = new ArrayList<>();
        for (Pushed push : pushes) {
            pushRows.add(new Object[] {push.till().tillId().value(), push.till().storeId().value(), push.at().toEpochMilli(),
                    push.at().toEpochMilli(), push.version()});
            for (Held held : push.held()) {
                heldRows.add(new Object[] {push.till().tillId().value(), held.epoch(), held.heldThrough(), held.lastReceipt(),
                        held.receivedReceipt(), push.at().toEpochMilli()});
            }
        }
        List<Object[]> pullRows = new ArrayList<>();
        for (Pulled pull : pulls) {
            pullRows.add(new Object[] {pull.till().tillId().value(), pull.till().storeId().value(), pull.at().toEpochMilli(),
                    pull.at().toEpochMilli(), pull.next(), Math.max(0, pull.newest() - pull.after()), pull.version()});
        }
        db.writeUnforced(tx -> {
            tx.sql().batch("""
                    INSERT INTO till_activity (till_id, store_id, last_push_ms, contact_ms, app_version)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (till_id) DO UPDATE SET
                        last_push_ms = %1$s(COALESCE(till_activity.last_push_ms, 0), excluded.last_push_ms),
                        contact_ms = %1$s(COALESCE(till_activity.contact_ms, 0), excluded.contact_ms),
                        store_id = excluded.store_id,
                        app_version = COALESCE(excluded.app_version, till_activity.app_version)""".formatted(max), pushRows);
            tx.sql().batch("""
                    INSERT INTO till_held (till_id, till_epoch, held_through, last_receipt, received_receipt, reported_ms)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (till_id, till_epoch) DO UPDATE SET
                        held_through = %1$s(till_held.held_through, excluded.held_through),
                        last_receipt = %1$s(COALESCE(till_held.last_receipt, 0), excluded.last_receipt),
                        received_receipt = %1$s(COALESCE(till_held.received_receipt, 0), excluded.received_receipt),
                        reported_ms = %1$s(till_held.reported_ms, excluded.reported_ms)""".formatted(max), heldRows);
            // The cursor and lag are the pull's own: a pull's answer is only ever a later one than the stored (the
            // till's cursor only goes forward), except across nodes within a second, where either is true enough.
            tx.sql().batch("""
                    INSERT INTO till_activity (till_id, store_id, last_pull_ms, contact_ms, pulled_to, pull_lag, app_version)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (till_id) DO UPDATE SET
                        last_pull_ms = %1$s(COALESCE(till_activity.last_pull_ms, 0), excluded.last_pull_ms),
                        contact_ms = %1$s(COALESCE(till_activity.contact_ms, 0), excluded.contact_ms),
                        store_id = excluded.store_id, pulled_to = excluded.pulled_to, pull_lag = excluded.pull_lag,
                        app_version = COALESCE(excluded.app_version, till_activity.app_version)""".formatted(max), pullRows);
            return null;
        });
    }
}
