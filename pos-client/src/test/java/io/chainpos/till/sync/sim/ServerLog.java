package io.chainpos.till.sync.sim;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.json.EventCodec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the server's database holds of the log, read straight from its tables: the stored events, the
 * quarantined ones and every till epoch's mark. What the invariants are checked against.
 */
record ServerLog(List<Stored> events, List<SetApart> quarantine, List<Mark> marks) {

    record Stored(long serverSeq, String tillId, int epoch, long seq, String eventId, EventEnvelope event) {
    }

    record SetApart(String tillId, int epoch, long seq, String eventId, String reason) {
    }

    record Mark(String tillId, int epoch, long ackedThrough) {
    }

    static ServerLog read(String database, EventCodec codec) {
        String url = database.startsWith("jdbc:") ? database : "jdbc:sqlite:" + database;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            List<Stored> events = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(
                    "SELECT server_seq, till_id, till_epoch, till_seq, event_id, body FROM events ORDER BY server_seq")) {
                while (rs.next()) {
                    events.add(new Stored(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getString(5),
                            codec.fromJson(rs.getString(6))));
                }
            }
            List<SetApart> quarantine = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT till_id, till_epoch, till_seq, event_id, reason FROM quarantine ORDER BY id")) {
                while (rs.next()) {
                    quarantine.add(new SetApart(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getString(5)));
                }
            }
            List<Mark> marks = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT till_id, till_epoch, acked_through FROM till_marks")) {
                while (rs.next()) {
                    marks.add(new Mark(rs.getString(1), rs.getInt(2), rs.getLong(3)));
                }
            }
            return new ServerLog(events, quarantine, marks);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the server's database " + database, e);
        }
    }
}
