package io.chainpos.server.testing;

import io.chainpos.server.db.Database;
import io.chainpos.server.db.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * Every row of the server's database as text, for a test to search for a person the way a grep searches files:
 * SQLite and PostgreSQL alike, every table the migrations made, every column.
 */
public final class DatabaseText {
    private DatabaseText() {
    }

    /** The names of every table in the server's schema. */
    public static List<String> tables(Database database) {
        String sql = database.dialect() == Dialect.POSTGRESQL
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                        + " AND table_name NOT IN (SELECT relname FROM pg_class WHERE relispartition)" // read through their table
                : "SELECT name FROM sqlite_master WHERE type = 'table'";
        return database.read(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    /** Each row of {@code table}, its columns joined by tabs. */
    public static List<String> rows(Database database, String table) {
        return database.read(h -> h.createQuery("SELECT * FROM " + table).map((rs, ctx) -> {
            StringBuilder row = new StringBuilder(table);
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append('\t').append(rs.getString(i));
            }
            return row.toString();
        }).list());
    }

    /** Every row of every table. */
    public static List<String> everyTable(Database database) {
        List<String> all = new ArrayList<>();
        for (String table : tables(database)) {
            all.addAll(rows(database, table));
        }
        return all;
    }
}
