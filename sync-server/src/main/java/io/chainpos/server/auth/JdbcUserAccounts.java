package io.chainpos.server.auth;

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

/** Accounts in the {@code users} table; ending an account's sessions deletes its page and API sessions alike. */
public final class JdbcUserAccounts implements UserAccounts {
    private static final String COLUMNS = "username, role, store_id, password_hash, disabled_ms, created_ms";

    private final Database db;

    public JdbcUserAccounts(Database db) {
        this.db = db;
    }

    @Override
    public boolean add(String username, Role role, String store, String passwordHash, Instant now) {
        return db.write(tx -> tx.handle().createUpdate("""
                        INSERT INTO users (username, role, store_id, password_hash, created_ms) VALUES (:name, :role, :store, :hash, :now)
                        ON CONFLICT (username) DO NOTHING""")
                .bind("name", username).bind("role", role.name()).bind("store", store).bind("hash", passwordHash)
                .bind("now", now.toEpochMilli()).execute() == 1);
    }

    @Override
    public Optional<Account> find(String username) {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM users WHERE username = :name")
                .bind("name", username).map((rs, ctx) -> account(rs)).findOne());
    }

    @Override
    public boolean setPassword(String username, String passwordHash) {
        return db.write(tx -> {
            int changed = tx.handle().createUpdate("UPDATE users SET password_hash = :hash WHERE username = :name")
                    .bind("hash", passwordHash).bind("name", username).execute();
            endSessions(tx, username);
            return changed == 1;
        });
    }

    @Override
    public boolean setRole(String username, Role role, String store) {
        return db.write(tx -> {
            int changed = tx.handle().createUpdate("UPDATE users SET role = :role, store_id = :store WHERE username = :name")
                    .bind("role", role.name()).bind("store", store).bind("name", username).execute();
            endSessions(tx, username);
            return changed == 1;
        });
    }

    @Override
    public boolean setDisabled(String username, boolean disabled, Instant now) {
        return db.write(tx -> {
            var update = tx.handle().createUpdate("UPDATE users SET disabled_ms = :at WHERE username = :name").bind("name", username);
            int changed = (disabled ? update.bind("at", now.toEpochMilli()) : update.bindNull("at", java.sql.Types.BIGINT)).execute();
            if (disabled) {
                endSessions(tx, username);
            }
            return changed == 1;
        });
    }

    private static void endSessions(Database.Tx tx, String username) {
        tx.handle().createUpdate("DELETE FROM web_sessions WHERE username = :name").bind("name", username).execute();
        tx.handle().createUpdate("DELETE FROM sessions WHERE username = :name").bind("name", username).execute();
    }

    @Override
    public Slice<Account> list(ListRequest request) {
        ListRequest.Keyset keyset = request.keyset();
        List<Object> args = new ArrayList<>(keyset.args());
        StringBuilder where = new StringBuilder(keyset.where());
        request.filter("q").ifPresent(q -> {
            where.append(" AND LOWER(username) LIKE ? ESCAPE '\\'");
            args.add("%" + q.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        });
        request.filter("role").flatMap(Role::parse).ifPresent(role -> {
            where.append(" AND role = ?");
            args.add(role.name());
        });
        request.filter("store").ifPresent(store -> {
            where.append(" AND store_id = ?");
            args.add(store);
        });
        args.add(request.size() + 1);
        String sql = "SELECT " + COLUMNS + " FROM users WHERE " + where + " ORDER BY " + keyset.orderBy() + " LIMIT ?";
        List<Account> rows = db.read(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < args.size(); i++) {
                query.bind(i, args.get(i));
            }
            return query.map((rs, ctx) -> account(rs)).list();
        });
        return request.slice(rows, account -> new Cursor(switch (request.sort().name()) {
            case "role" -> account.role().name();
            case "created" -> Long.toString(account.created().toEpochMilli());
            default -> account.username();
        }, account.username()));
    }

    private static Account account(ResultSet rs) throws SQLException {
        rs.getLong(5);
        boolean disabled = !rs.wasNull();
        return new Account(rs.getString(1), Role.valueOf(rs.getString(2)), Optional.ofNullable(rs.getString(3)), rs.getString(4),
                disabled, Instant.ofEpochMilli(rs.getLong(6)));
    }
}
