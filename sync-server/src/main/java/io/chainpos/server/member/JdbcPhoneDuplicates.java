package io.chainpos.server.member;

import io.chainpos.server.db.Database;
import java.util.List;

/** {@link PhoneDuplicates} over the table {@link JdbcPhoneDuplicatesProjection} writes. */
public final class JdbcPhoneDuplicates implements PhoneDuplicates {
    private final Database db;

    public JdbcPhoneDuplicates(Database db) {
        this.db = db;
    }

    @Override
    public List<Note> noted(int limit) {
        return db.read(h -> h.createQuery("SELECT phone_hash, noted_by FROM phone_duplicates ORDER BY phone_hash LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new Note(rs.getString(1), rs.getString(2)))
                .list());
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
