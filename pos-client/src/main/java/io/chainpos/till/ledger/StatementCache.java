package io.chainpos.till.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.jdbi.v3.core.Handle;

/**
 * Prepared statements kept per connection for the statements every sale runs. Preparing a statement again
 * for each of a sale's rows (what a fresh Jdbi statement does) cost about a third of the commit path's CPU;
 * the ledger's connections live as long as the till, so their statements can too.
 */
public final class StatementCache {
    private static final Map<Connection, Map<String, PreparedStatement>> CACHE =
            Collections.synchronizedMap(new WeakHashMap<>());

    private StatementCache() {
    }

    /** The statement for {@code sql} on this handle's connection, prepared once; parameters are left as set last. */
    public static PreparedStatement prepared(Handle handle, String sql) {
        Connection connection = handle.getConnection();
        try {
            Map<String, PreparedStatement> statements = CACHE.computeIfAbsent(connection, c -> new HashMap<>());
            PreparedStatement statement = statements.get(sql);
            if (statement == null || statement.isClosed()) {
                statement = connection.prepareStatement(sql);
                statements.put(sql, statement);
            }
            return statement;
        } catch (SQLException e) {
            throw new LedgerException("cannot prepare a statement: " + e.getMessage(), e);
        }
    }

    /** Runs an update through a cached statement with these parameters. */
    public static int update(Handle handle, String sql, Object... parameters) {
        PreparedStatement statement = prepared(handle, sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new LedgerException("the till's ledger failed: " + e.getMessage(), e);
        }
    }

    /** Reads one row through a cached statement, or empty when there is none. */
    public static <T> java.util.Optional<T> queryOne(Handle handle, String sql, RowReader<T> reader, Object... parameters) {
        PreparedStatement statement = prepared(handle, sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (java.sql.ResultSet rs = statement.executeQuery()) {
                return rs.next() ? java.util.Optional.ofNullable(reader.read(rs)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw new LedgerException("the till's ledger failed: " + e.getMessage(), e);
        }
    }

    /** Maps the current row of a result. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(java.sql.ResultSet rs) throws SQLException;
    }

    /** Closes the statements kept for a connection about to close. */
    static void release(Connection connection) {
        Map<String, PreparedStatement> statements = CACHE.remove(connection);
        if (statements != null) {
            for (PreparedStatement statement : statements.values()) {
                try {
                    statement.close();
                } catch (SQLException e) {
                    throw new LedgerException("cannot close a statement: " + e.getMessage(), e);
                }
            }
        }
    }
}
