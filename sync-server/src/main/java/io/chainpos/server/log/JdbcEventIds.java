package io.chainpos.server.log;

import io.chainpos.server.db.SqlSession;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which of a batch's event ids the log already holds, and under which till key. */
final class JdbcEventIds {
    private static final int CHUNK = 512;

    private JdbcEventIds() {
    }

    /** Where an event id is stored, and what is stored there. */
    record Holder(String key, String body) {
    }

    /**
     * The holders of those of {@code events}' ids the log already holds, by event id. With {@code keyTable} (PostgreSQL,
     * V250) the ids are looked up in event_keys, which holds them chain-wide whatever month the events table keeps
     * them in: an event whose month was detached is still found, its body then unknown (null).
     */
    static Map<String, Holder> stored(SqlSession sql, List<IncomingEvent> events, boolean keyTable) {
        Map<String, Holder> found = new HashMap<>();
        for (int from = 0; from < events.size(); from += CHUNK) {
            List<String> ids = events.subList(from, Math.min(events.size(), from + CHUNK)).stream()
                    .map(e -> e.envelope().eventId().toString()).toList();
            int places = SqlSession.placesFor(ids.size());
            String query = keyTable
                    ? "SELECT k.event_id, k.till_id, k.till_epoch, k.till_seq, e.body FROM event_keys k "
                            + "LEFT JOIN events e ON e.event_id = k.event_id WHERE k.event_id IN (" + SqlSession.places(places) + ")"
                    : "SELECT event_id, till_id, till_epoch, till_seq, body FROM events WHERE event_id IN ("
                            + SqlSession.places(places) + ")";
            sql.forEach(query, rs -> {
                found.put(rs.getString(1), new Holder("%s epoch %d seq %d".formatted(rs.getString(2), rs.getInt(3), rs.getLong(4)),
                        rs.getString(5)));
                return null;
            }, SqlSession.padded(ids, places));
        }
        return found;
    }
}
