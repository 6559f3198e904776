package io.chainpos.server.cli;

import io.chainpos.server.db.SqliteBackup;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code backup}: a consistent, checked copy of the SQLite database, taken while the server serves. PostgreSQL is
 * backed up with its own tools (pg_dump, or continuous archiving); the command says so.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copy the SQLite database consistently while the server runs, and check the copy. "
                + "For PostgreSQL use pg_dump or continuous archiving (see the README).")
final class BackupCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--to", required = true, description = "The backup file to write (must not exist yet).")
    private Path target;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String url = database.database;
        if (url.startsWith("jdbc:postgresql:")) {
            err.println("sync-server backup: this database is PostgreSQL: back it up with pg_dump -Fc (or continuous "
                    + "archiving), as the README shows; this command copies SQLite files");
            return Commands.REFUSED;
        }
        Path source = Path.of(url.startsWith("jdbc:sqlite:") ? url.substring("jdbc:sqlite:".length()) : url);
        if (!Files.isRegularFile(source)) {
            err.println("sync-server backup: there is no database file at " + source);
            return Commands.DATABASE_UNAVAILABLE;
        }
        if (Files.exists(target)) {
            err.println("sync-server backup: " + target + " already exists; a backup never overwrites a file");
            return Commands.REFUSED;
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
            SqliteBackup.copy(source, partial);
            List<String> problems = SqliteBackup.check(partial);
            if (!problems.isEmpty()) {
                Files.deleteIfExists(partial);
                err.println("sync-server backup: the copy did not read back whole (" + String.join("; ", problems)
                        + "); nothing was kept");
                return CommandLine.ExitCode.SOFTWARE;
            }
            SqliteBackup.Copy copy = SqliteBackup.describe(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            spec.commandLine().getOut().println("backed up " + source + " to " + target + ": " + copy.events()
                    + " events, integrity ok, " + Files.size(target) / 1024 + " KB");
            return 0;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            err.println("sync-server backup: cannot back " + source + " up to " + target + ": " + e.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
        }
    }
}
