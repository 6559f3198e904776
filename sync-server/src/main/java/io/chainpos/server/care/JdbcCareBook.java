package io.chainpos.server.care;

import io.chainpos.model.event.FeedbackRecorded;
import io.chainpos.model.event.FeedbackUpdated;
import io.chainpos.server.db.Database;
import io.chainpos.server.web.Cursor;
import io.chainpos.server.web.ListRequest;
import io.chainpos.server.web.Slice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code care_feedback} and {@code care_feedback_updates}, paged by key with the list's filters. */
public final class JdbcCareBook implements CareBook {
    private static final String COLUMNS = """
            feedback_id, store_id, member_id, category, text, sealed_text, recorded_by, channel, recorded_ms, status, handler,
            updated_ms, closed_ms""";

    private final Database db;

    public JdbcCareBook(Database db) {
        this.db = db;
    }

    @Override
    public Slice<Feedback> list(Filter filter, ListRequest request) {
        ListRequest.Keyset keyset = request.keyset();
        List<Object> args = new ArrayList<>(keyset.args());
        StringBuilder where = new StringBuilder(keyset.where());
        filter.store().ifPresent(store -> {
            where.append(" AND store_id = ?");
            args.add(store);
        });
        filter.category().ifPresent(category -> {
            where.append(" AND category = ?");
            args.add(category.name());
        });
        switch (filter.status()) {
            case StatusFilter.Active active -> where.append(" AND status IN ('OPEN', 'IN_PROGRESS')");
            case StatusFilter.Only only -> {
                where.append(" AND status = ?");
                args.add(only.status().name());
            }
            case StatusFilter.All all -> { }
        }
        args.add(request.size() + 1);
        String sql = "SELECT " + COLUMNS + " FROM care_feedback WHERE " + where + " ORDER BY " + keyset.orderBy() + " LIMIT ?";
        List<Feedback> rows = db.read(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < args.size(); i++) {
                query.bind(i, args.get(i));
            }
            return query.map((rs, ctx) -> feedback(rs)).list();
        });
        return request.slice(rows, f -> new Cursor(switch (request.sort().name()) {
            case "store" -> f.storeId();
            case "status" -> f.status().name();
            default -> Long.toString(f.recorded().toEpochMilli());
        }, f.feedbackId()));
    }

    @Override
    public Optional<Feedback> find(String feedbackId) {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM care_feedback WHERE feedback_id = :id")
                .bind("id", feedbackId).map((rs, ctx) -> feedback(rs)).findOne());
    }

    @Override
    public List<Update> updates(String feedbackId) {
        return db.read(h -> h.createQuery("""
                        SELECT at_ms, updated_by, status, handler, note, sealed_note FROM care_feedback_updates
                        WHERE feedback_id = :id ORDER BY at_ms, event_id""")
                .bind("id", feedbackId)
                .map((rs, ctx) -> new Update(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2),
                        FeedbackUpdated.Status.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6)))
                .list());
    }

    private static Feedback feedback(ResultSet rs) throws SQLException {
        long closed = rs.getLong(13);
        Instant closedAt = rs.wasNull() ? null : Instant.ofEpochMilli(closed);
        return new Feedback(rs.getString(1), rs.getString(2), rs.getString(3), FeedbackRecorded.Category.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), FeedbackRecorded.Channel.valueOf(rs.getString(8)),
                Instant.ofEpochMilli(rs.getLong(9)), FeedbackUpdated.Status.valueOf(rs.getString(10)), rs.getString(11),
                Instant.ofEpochMilli(rs.getLong(12)), closedAt);
    }
}
