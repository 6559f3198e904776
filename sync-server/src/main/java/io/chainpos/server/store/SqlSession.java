package io.chainpos.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plain JDBC on the writer connection with every statement prepared once and reused: ingest runs a handful
 * of statements per event, and preparing them again per call costs a third of the throughput. The SQL is
 * kept portable (ON CONFLICT, RETURNING) so a PostgreSQL adapter can run the same statements.
 * Not thread-safe: used only under the writer's lock.
 */
final class SqlSession implements AutoCloseable {

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    SqlSession(Connection connection) {
        this.connection = connection;
    }

    int update(String sql, Object... args) {
        try {
            return bind(sql, args).executeUpdate();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    <T> Optional<T> first(String sql, Row<T> row, Object... args) {
        try (ResultSet rs = bind(sql, args).executeQuery()) {
            return rs.next() ? Optional.of(row.map(rs)) : Optional.empty();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    <T> List<T> list(String sql, Row<T> row, Object... args) {
        try (ResultSet rs = bind(sql, args).executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row.map(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** Runs {@code sql} and hands each row to {@code each} without holding them all in memory. */
    void forEach(String sql, Row<Void> each, Object... args) {
        try (ResultSet rs = bind(sql, args).executeQuery()) {
            while (rs.next()) {
                each.map(rs);
            }
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    private PreparedStatement bind(String sql, Object... args) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            prepared.put(sql, statement);
        }
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }

    private static StorageFailure failure(String sql, SQLException e) {
        return new StorageFailure("statement failed: " + sql.lines().findFirst().orElse(sql), e);
    }

    @Override
    public void close() {
        for (PreparedStatement statement : prepared.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                throw new StorageFailure("cannot close a statement", e);
            }
        }
        prepared.clear();
    }
}
