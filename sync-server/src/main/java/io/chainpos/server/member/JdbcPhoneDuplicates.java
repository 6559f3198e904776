package io.chainpos.server.member;

import io.chainpos.server.db.Database;
import java.time.Clock;
import java.util.List;

/** {@link PhoneDuplicates} over the table {@link JdbcPhoneDuplicatesProjection} writes. */
public final class JdbcPhoneDuplicates implements PhoneDuplicates {
    // The outer condition again: on PostgreSQL a claimer that waited for another's row lock reads the row as claimed.
    private static final String CLAIM_SQL = """
            UPDATE phone_duplicates SET claimed_until_ms = ?
            WHERE claimed_until_ms <= ? AND phone_hash IN (
                SELECT phone_hash FROM phone_duplicates WHERE claimed_until_ms <= ? ORDER BY phone_hash LIMIT ?)
            RETURNING phone_hash, noted_by""";

    private final Database db;
    private final Clock clock;

    public JdbcPhoneDuplicates(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public List<Note> noted(int limit) {
        return db.read(h -> h.createQuery("SELECT phone_hash, noted_by FROM phone_duplicates ORDER BY phone_hash LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new Note(rs.getString(1), rs.getString(2)))
                .list());
    }

    @Override
    public List<Note> claim(int limit) {
        long now = clock.millis();
        // Read first: this runs after every catch-up, and on SQLite a write, even of nothing, waits for the one writer.
        boolean any = db.read(h -> h.createQuery("SELECT 1 FROM phone_duplicates WHERE claimed_until_ms <= :now LIMIT 1")
                .bind("now", now).mapTo(Integer.class).findOne().isPresent());
        if (!any) {
            return List.of();
        }
        List<Note> claimed = db.write(tx -> tx.sql().list(CLAIM_SQL, rs -> new Note(rs.getString(1), rs.getString(2)),
                now + CLAIM.toMillis(), now, now, limit));
        return claimed.stream().sorted(java.util.Comparator.comparing(Note::phoneHash)).toList();
    }

    @Override
    public void cleared(List<Note> notes) {
        if (notes.isEmpty()) {
            return;
        }
        db.write(tx -> {
            tx.sql().batch("DELETE FROM phone_duplicates WHERE phone_hash = ? AND noted_by = ?",
                    notes.stream().map(n -> new Object[] {n.phoneHash(), n.notedBy()}).toList());
            // What is left of these phones was noted again since: free for the next round to claim.
            tx.sql().batch("UPDATE phone_duplicates SET claimed_until_ms = 0 WHERE phone_hash = ?",
                    notes.stream().map(n -> new Object[] {n.phoneHash()}).toList());
            return null;
        });
    }
}
