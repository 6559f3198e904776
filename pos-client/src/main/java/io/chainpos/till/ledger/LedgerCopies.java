package io.chainpos.till.ledger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Copies of a ledger file: a consistent copy taken while the till sells ({@code VACUUM INTO} on a connection of its
 * own: a read transaction in WAL mode, so the counter's writes go on), and the check of a copy
 * ({@code PRAGMA integrity_check}, and that it holds a till's ledger at all).
 */
public final class LedgerCopies {
    private LedgerCopies() {
    }

    /** Writes a consistent copy of {@code ledger} to {@code target}, which must not exist yet. */
    public static void copy(Path ledger, Path target) throws IOException {
        try {
            readOnly(ledger, h -> h.createUpdate("VACUUM INTO :target")
                    .bind("target", target.toAbsolutePath().toString()).execute());
        } catch (JdbiException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** What is wrong with the copy {@code file}: nothing when it is a whole, readable till ledger. */
    public static List<String> check(Path file) {
        List<String> problems = new ArrayList<>();
        try {
            readOnly(file, h -> {
                h.createQuery("PRAGMA integrity_check").mapTo(String.class).stream()
                        .filter(line -> !"ok".equals(line)).forEach(problems::add);
                int tables = h.createQuery("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' "
                        + "AND name IN ('ledger_events', 'till_identity')").mapTo(Integer.class).one();
                if (tables != 2) {
                    problems.add("not a till ledger (no ledger_events or till_identity table)");
                }
                return null;
            });
        } catch (JdbiException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    /** How many events of its own a ledger file holds (for what a copy holds, or a restore report). */
    public static long ownEvents(Path file) throws IOException {
        try {
            return readOnly(file, h -> h.createQuery("SELECT COUNT(*) FROM ledger_events").mapTo(Long.class).one());
        } catch (JdbiException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static <R> R readOnly(Path file, Function<Handle, R> work) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return Jdbi.create(source).withHandle(work::apply);
    }
}
