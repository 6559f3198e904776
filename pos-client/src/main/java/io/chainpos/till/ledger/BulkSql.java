package io.chainpos.till.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementBuilder;

/**
 * The few statements a bulk path runs hundreds of thousands of times (a snapshot's members, one by one, as each may
 * follow an earlier change of the same member), on the same kept statements as every other ({@link ReusedStatements})
 * but without Jdbi's per-statement set-up (its configuration copied, every argument's binder looked up), which cost
 * more there than SQLite's own work. Arguments are bound in order as they are: {@code byte[]}, {@code String},
 * numbers, or null. A failure is worded as the ledger words any other (a full disk says so).
 */
public final class BulkSql {
    private BulkSql() {
    }

    /** Reads the current row of a result. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    public static int update(Handle h, String sql, Object... args) {
        ReusedStatements kept = kept(h);
        try {
            return kept.update(h.getConnection(), sql, args);
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            letGo(h, kept);
        }
    }

    public static <T> Optional<T> first(Handle h, String sql, Row<T> row, Object... args) {
        ReusedStatements kept = kept(h);
        try {
            return kept.first(h.getConnection(), sql, row, args);
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            letGo(h, kept);
        }
    }

    /** The handle's kept statements; a handle of another Jdbi (a migration's) gets statements for this call only. */
    private static ReusedStatements kept(Handle h) {
        StatementBuilder builder = h.getStatementBuilder();
        return builder instanceof ReusedStatements reused ? reused : new ReusedStatements();
    }

    private static void letGo(Handle h, ReusedStatements kept) {
        if (kept != h.getStatementBuilder()) {
            kept.close(h.getConnection());
        }
    }

    private static LedgerException failure(SQLException e) {
        return new LedgerException(LedgerFile.describe(e), e);
    }
}
