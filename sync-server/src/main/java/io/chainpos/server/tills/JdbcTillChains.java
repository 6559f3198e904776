package io.chainpos.server.tills;

import io.chainpos.server.db.Database;
import java.time.Instant;
import java.util.List;

/** Reads {@code chain_heads} and {@code chain_closes}, which the event log keeps at ingest. */
public final class JdbcTillChains implements TillChains {
    private final Database db;

    public JdbcTillChains(Database db) {
        this.db = db;
    }

    @Override
    public List<Head> heads(String tillId) {
        return db.read(h -> h.createQuery("SELECT till_epoch, till_seq, hash FROM chain_heads WHERE till_id = :till "
                        + "ORDER BY till_epoch DESC")
                .bind("till", tillId)
                .map((rs, ctx) -> new Head(rs.getInt(1), rs.getLong(2), rs.getString(3)))
                .list());
    }

    @Override
    public List<Close> closes(String tillId, int limit) {
        return db.read(h -> h.createQuery("SELECT till_epoch, till_seq, hash, occurred_at FROM chain_closes WHERE till_id = :till "
                        + "ORDER BY till_epoch DESC, till_seq DESC LIMIT :limit")
                .bind("till", tillId)
                .bind("limit", limit)
                .map((rs, ctx) -> new Close(rs.getInt(1), rs.getLong(2), rs.getString(3), Instant.parse(rs.getString(4))))
                .list());
    }
}
