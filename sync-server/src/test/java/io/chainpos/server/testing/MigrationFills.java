package io.chainpos.server.testing;

import io.chainpos.server.db.Database;
import io.chainpos.server.db.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration that adds a table kept at ingest also fills it from the rows kept before it. A test empties the table and
 * runs that statement again over what the projections hold, then compares every figure: the upgrade of a server with
 * data gives what the ingest gives.
 */
public final class MigrationFills {
    private MigrationFills() {
    }

    /** Empties each of {@code tables} and runs the statement of {@code migration} (this database's) that fills it. */
    public static void refill(Database db, String migration, String... tables) {
        String text = text(db.dialect() == Dialect.POSTGRESQL ? "postgresql" : "sqlite", migration);
        db.write(tx -> {
            for (String table : tables) {
                Matcher fill = Pattern.compile("INSERT INTO " + table + "\\b[^;]*").matcher(text);
                if (!fill.find()) {
                    throw new IllegalArgumentException(migration + " does not fill " + table);
                }
                tx.handle().execute("DELETE FROM " + table);
                tx.handle().execute(fill.group());
            }
            return null;
        });
    }

    private static String text(String dialect, String migration) {
        try (InputStream in = MigrationFills.class.getResourceAsStream("/db/migration/" + dialect + "/" + migration)) {
            if (in == null) {
                throw new IllegalArgumentException("no migration " + dialect + "/" + migration);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
