package io.chainpos.server.db;

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
 * Plain JDBC on a write transaction's connection with every statement prepared once and reused: ingest
 * runs its statements per batch, and preparing them again per call costs a third of the throughput. The
 * SQL is portable (ON CONFLICT, RETURNING), so SQLite and PostgreSQL run the same statements.
 * Not thread-safe: one transaction at a time uses it.
 */
public final class SqlSession implements AutoCloseable {

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    public SqlSession(Connection connection) {
        this.connection = connection;
    }

    public int update(String sql, Object... args) {
        try {
            return bind(sql, args).executeUpdate();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    public <T> Optional<T> first(String sql, Row<T> row, Object... args) {
        try (ResultSet rs = bind(sql, args).executeQuery()) {
            return rs.next() ? Optional.of(row.map(rs)) : Optional.empty();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    public <T> List<T> list(String sql, Row<T> row, Object... args) {
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

    /** Runs {@code sql} once per row of arguments as one JDBC batch (one round trip on PostgreSQL). */
    public void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            PreparedStatement statement = prepare(sql);
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    set(statement, i + 1, row[i]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw failure(sql, e);
        } finally {
            clearBatch(sql);
        }
    }

    /**
     * {@code ?, ?, ...} for an IN list of {@code count} values, rounded up to a power of two so only a
     * handful of statement shapes are ever prepared; {@link #padded} fills the extra places.
     */
    public static int placesFor(int count) {
        return Integer.highestOneBit(Math.max(1, count - 1)) << (count > 1 ? 1 : 0);
    }

    public static String places(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** {@code values} then its last value repeated up to {@code size}: repeats in an IN list change nothing. */
    public static Object[] padded(List<?> values, int size, Object... before) {
        Object[] args = new Object[before.length + size];
        System.arraycopy(before, 0, args, 0, before.length);
        for (int i = 0; i < size; i++) {
            args[before.length + i] = values.get(Math.min(i, values.size() - 1));
        }
        return args;
    }

    /** How many keys an IN list of {@link #forEachIn} holds at most. */
    public static final int IN_CHUNK = 256;

    /**
     * Runs {@code query}, whose {@code %s} is an IN list, over {@code keys} a few hundred at a time (padded as
     * {@link #placesFor} says), and hands each row to {@code each}.
     */
    public void forEachIn(String query, List<String> keys, Row<?> each) {
        forEachIn(query, SqlSession::places, keys, each);
    }

    /** As {@link #forEachIn(String, List, Row)}, the {@code %s} filled by {@code shape} from the number of places. */
    public void forEachIn(String query, java.util.function.IntFunction<String> shape, List<String> keys, Row<?> each) {
        for (int from = 0; from < keys.size(); from += IN_CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + IN_CHUNK));
            int places = placesFor(chunk.size());
            list(query.formatted(shape.apply(places)), each, padded(chunk, places));
        }
    }

    /** How many rows {@link #insertReturning} writes a statement at most. */
    public static final int ROWS_CHUNK = 128;

    /**
     * Runs {@code insert}, whose {@code %s} is its list of {@code VALUES} rows each shaped {@code row}, over {@code rows} a
     * hundred or so at a time (padded with the last row, as {@link #placesFor} says: a repeat is a conflict and changes
     * nothing), and hands each row it returns to {@code each}: {@code INSERT ... ON CONFLICT DO NOTHING RETURNING key}
     * claims a batch's new keys in a few statements.
     */
    public void insertReturning(String insert, String row, List<Object[]> rows, Row<?> each) {
        for (int from = 0; from < rows.size(); from += ROWS_CHUNK) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_CHUNK));
            int places = placesFor(chunk.size());
            int columns = chunk.getFirst().length;
            Object[] args = new Object[places * columns];
            for (int i = 0; i < places; i++) {
                System.arraycopy(chunk.get(Math.min(i, chunk.size() - 1)), 0, args, i * columns, columns);
            }
            list(insert.formatted(String.join(", ", java.util.Collections.nCopies(places, row))), each, args);
        }
    }

    /** Runs the statement {@code update}, whose {@code %s} is an IN list, over {@code keys} a few hundred at a time. */
    public void updateIn(String update, List<String> keys) {
        for (int from = 0; from < keys.size(); from += IN_CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + IN_CHUNK));
            int places = placesFor(chunk.size());
            update(update.formatted(places(places)), padded(chunk, places));
        }
    }

    /** Runs {@code sql} and hands each row to {@code each} without holding them all in memory. */
    public void forEach(String sql, Row<Void> each, Object... args) {
        try {
            PreparedStatement statement = bind(sql, args);
            // Rows come a thousand at a time: PostgreSQL would otherwise read the whole result first.
            statement.setFetchSize(1_000);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    each.map(rs);
                }
            }
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** Typed setters where the type is known: setObject's dispatch costs a third of a 500-row insert on SQLite. */
    private static void set(PreparedStatement statement, int index, Object value) throws SQLException {
        switch (value) {
            case String text -> statement.setString(index, text);
            case Long number -> statement.setLong(index, number);
            case Integer number -> statement.setInt(index, number);
            case null, default -> statement.setObject(index, value);
        }
    }

    private void clearBatch(String sql) {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            return;
        }
        try {
            statement.clearBatch();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            prepared.put(sql, statement);
        }
        return statement;
    }

    private PreparedStatement bind(String sql, Object... args) throws SQLException {
        PreparedStatement statement = prepare(sql);
        for (int i = 0; i < args.length; i++) {
            set(statement, i + 1, args[i]);
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
