package io.chainpos.till.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.jdbi.v3.core.Handle;

/**
 * Plain JDBC statements prepared once per connection, for the few statements a bulk path runs hundreds of thousands of
 * times (a snapshot's members): Jdbi's per-statement set-up (its configuration copied, every argument's binder looked
 * up) costs more there than SQLite's own work. Everything else goes through Jdbi. Not re-entrant: a statement is
 * used to its end (its result set closed) before it is asked for again.
 */
public final class HotStatements {
    private final Map<Connection, Map<String, PreparedStatement>> byConnection = new WeakHashMap<>();

    /** {@code sql} prepared on {@code h}'s connection, the same statement each time; its parameters are cleared. */
    public synchronized PreparedStatement on(Handle h, String sql) throws SQLException {
        Connection connection = h.getConnection();
        Map<String, PreparedStatement> statements = byConnection.computeIfAbsent(connection, c -> new HashMap<>());
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        } else {
            statement.clearParameters();
        }
        return statement;
    }

    /** What a failed plain statement tells the cashier, as the ledger words any other failure (a full disk, ...). */
    public static LedgerException failure(SQLException e) {
        return new LedgerException(LedgerFile.describe(e), e);
    }
}
