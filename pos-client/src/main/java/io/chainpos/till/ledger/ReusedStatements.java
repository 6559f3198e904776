package io.chainpos.till.ledger;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Jdbi's statement builder for one of the ledger's connections, keeping each prepared statement for the next
 * use of the same SQL. Jdbi prepares a statement again for every query and update by default, which cost a
 * sale about a tenth of its commit path; the ledger's two connections live as long as the till, so their
 * statements can too. A statement still in use (the same SQL run while its result is being read) gets a fresh
 * one; the least recently used beyond {@link #KEPT} are closed. Statements are kept under the SQL they were
 * prepared from: Jdbi closes a statement naming its SQL as written ({@code :name} parameters), not as prepared.
 * {@link BulkSql} runs the few statements a bulk path repeats by the hundred thousand on the same kept statements,
 * without Jdbi's per-statement set-up.
 */
final class ReusedStatements implements StatementBuilder {
    static final int KEPT = 200;

    private final Map<String, PreparedStatement> idle = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= KEPT) {
                return false;
            }
            closeKept(eldest.getValue());
            return true;
        }
    };

    private final Map<Statement, String> lent = new IdentityHashMap<>();

    @Override
    public Statement create(Connection connection, StatementContext context) throws SQLException {
        return connection.createStatement();
    }

    @Override
    public PreparedStatement create(Connection connection, String sql, StatementContext context) throws SQLException {
        if (!reusable(context)) {
            return fresh(connection, sql, context);
        }
        return lend(connection, sql);
    }

    private PreparedStatement lend(Connection connection, String sql) throws SQLException {
        synchronized (idle) {
            PreparedStatement statement = idle.remove(sql);
            if (statement == null || statement.isClosed()) {
                statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            }
            lent.put(statement, sql);
            return statement;
        }
    }

    /** {@link BulkSql#update}: {@code sql} run on a kept statement, its {@code args} bound in order. */
    int update(Connection connection, String sql, Object... args) throws SQLException {
        PreparedStatement statement = lend(connection, sql);
        try {
            bind(statement, args);
            return statement.executeUpdate();
        } finally {
            close(connection, sql, statement);
        }
    }

    /** {@link BulkSql#first}: the first row {@code sql} finds, read by {@code row}, on a kept statement. */
    <T> java.util.Optional<T> first(Connection connection, String sql, BulkSql.Row<T> row, Object... args) throws SQLException {
        PreparedStatement statement = lend(connection, sql);
        try {
            bind(statement, args);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? java.util.Optional.of(row.read(rs)) : java.util.Optional.empty();
            }
        } finally {
            close(connection, sql, statement);
        }
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
    }

    @Override
    public CallableStatement createCall(Connection connection, String sql, StatementContext context) throws SQLException {
        return connection.prepareCall(sql);
    }

    @Override
    public void close(Connection connection, String sql, Statement statement) throws SQLException {
        String prepared;
        synchronized (idle) {
            prepared = lent.remove(statement);
        }
        if (prepared == null || statement.isClosed()) {
            statement.close();
            return;
        }
        ((PreparedStatement) statement).clearParameters();
        synchronized (idle) {
            if (!idle.containsKey(prepared)) {
                idle.put(prepared, (PreparedStatement) statement);
                return;
            }
        }
        statement.close(); // a second copy, from a nested use of the same SQL
    }

    @Override
    public void close(Connection connection) {
        List<PreparedStatement> statements;
        synchronized (idle) {
            statements = new ArrayList<>(idle.values());
            idle.clear();
            lent.clear();
        }
        statements.forEach(ReusedStatements::closeKept);
    }

    private static boolean reusable(StatementContext context) {
        return !context.isReturningGeneratedKeys() && !context.isConcurrentUpdatable();
    }

    private static PreparedStatement fresh(Connection connection, String sql, StatementContext context) throws SQLException {
        if (context.isReturningGeneratedKeys()) {
            // The ledger's connections do not fetch generated keys (SqliteDatabase): an INSERT that needs one says RETURNING.
            throw new LedgerException("the ledger reads no generated keys; use INSERT ... RETURNING: " + sql, null);
        }
        return connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE);
    }

    private static void closeKept(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            throw new LedgerException("cannot close a kept statement: " + e.getMessage(), e);
        }
    }
}
