package io.chainpos.server.log;

import io.chainpos.model.json.EventCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Rewrites quarantined rows kept in full before V90 as {@link QuarantineCopy}s (the V91 migration on both databases). */
public final class JdbcQuarantineRewrite {
    private JdbcQuarantineRewrite() {
    }

    public static void run(Connection connection) throws SQLException {
        EventCodec codec = EventCodec.standard();
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, incoming, stored FROM quarantine WHERE incoming_sha256 IS NULL");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String incoming = rs.getString(2);
                String stored = rs.getString(3);
                rows.add(new Object[] {QuarantineCopy.of(codec, incoming), QuarantineCopy.digest(incoming),
                        stored == null ? null : QuarantineCopy.of(codec, stored), rs.getLong(1)});
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE quarantine SET incoming = ?, incoming_sha256 = ?, stored = ? WHERE id = ?")) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    update.setObject(i + 1, row[i]);
                }
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
