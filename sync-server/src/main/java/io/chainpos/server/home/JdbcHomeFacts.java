package io.chainpos.server.home;

import io.chainpos.server.db.ReportReads;
import io.chainpos.server.merge.HeadOfficeTill;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The home page's figures, each one indexed query. */
public final class JdbcHomeFacts implements HomeFacts {
    private final ReportReads db;
    private final Supplier<Map<String, Long>> exceptionsByKind;

    public JdbcHomeFacts(ReportReads db, Supplier<Map<String, Long>> exceptionsByKind) {
        this.db = db;
        this.exceptionsByKind = exceptionsByKind;
    }

    @Override
    public long enrolledTills(Optional<String> store) {
        return db.read(h -> {
            var query = h.createQuery("SELECT COUNT(DISTINCT till_id) FROM till_tokens WHERE revoked_ms IS NULL"
                    + (store.isPresent() ? " AND store_id = :store" : ""));
            store.ifPresent(s -> query.bind("store", s));
            return query.mapTo(Long.class).one();
        });
    }

    @Override
    public Optional<Publication> lastPublication() {
        // The till key's unique index serves this: head office's newest epoch and sequence.
        return db.read(h -> h.createQuery("""
                        SELECT type, received_ms FROM events WHERE till_id = :till
                        ORDER BY till_epoch DESC, till_seq DESC LIMIT 1""")
                .bind("till", HeadOfficeTill.TILL.value())
                .map((rs, ctx) -> new Publication(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))))
                .findOne());
    }

    @Override
    public Map<String, Long> openExceptionsByKind() {
        return exceptionsByKind.get();
    }
}
