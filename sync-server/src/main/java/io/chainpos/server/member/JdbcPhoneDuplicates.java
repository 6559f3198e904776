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
            return null;
        });
    }
}
