package io.chainpos.till.staff;

import io.chainpos.till.ledger.LedgerSession;
import java.time.Instant;

/** The wrong-PIN count and lock of {@link PinGuard}, in the ledger file's one-row {@code pin_guard} table. */
final class PinGuardStore {
    private PinGuardStore() {
    }

    static PinGuard.State read(LedgerSession session) {
        return session.handle().createQuery("SELECT wrong, locked_ms FROM pin_guard WHERE id = 1")
                .map((rs, ctx) -> {
                    int wrong = rs.getInt(1);
                    long locked = rs.getLong(2);
                    return new PinGuard.State(wrong, rs.wasNull() ? null : Instant.ofEpochMilli(locked));
                }).one();
    }

    /** One more wrong PIN; locks at the {@code max}th (SET reads the row as it was before the update). */
    static void wrong(LedgerSession session, int max, long nowMillis) {
        session.handle().createUpdate("UPDATE pin_guard SET wrong = wrong + 1, "
                        + "locked_ms = CASE WHEN locked_ms IS NULL AND wrong + 1 >= :max THEN :now ELSE locked_ms END WHERE id = 1")
                .bind("max", max).bind("now", nowMillis).execute();
    }

    static Void right(LedgerSession session) {
        session.handle().execute("UPDATE pin_guard SET wrong = 0 WHERE id = 1 AND wrong > 0 AND locked_ms IS NULL");
        return null;
    }

    static void unlock(LedgerSession session) {
        session.handle().execute("UPDATE pin_guard SET wrong = 0, locked_ms = NULL WHERE id = 1");
    }
}
