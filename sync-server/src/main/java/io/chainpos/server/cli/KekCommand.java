package io.chainpos.server.cli;

import io.chainpos.server.db.KeyRing;
import io.chainpos.server.db.Storage;
import io.chainpos.server.db.StorageFailure;
import io.chainpos.server.member.KeysAtRest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kek add|rewrap|status}: the key-encryption keys that wrap members' keys at rest. Rotating without a stop:
 * {@code kek add} (the new key wraps from then on; running servers read the file again when it changes), then
 * {@code kek rewrap} while serving, then remove the old key's line once {@code kek status} shows it wraps nothing.
 */
@Command(name = "kek", mixinStandardHelpOptions = true,
        description = "The keys that wrap members' keys at rest: add one, wrap everything with the newest, or count what each wraps.")
final class KekCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a new random key at the end of the key file (created owner-only if missing); it wraps from now on.")
    static final class Add implements Callable<Integer> {
        private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("'k'yyyyMMdd'-'HHmmss").withZone(ZoneOffset.UTC);
        private final Services services;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Option(names = "--kek-file", required = true, defaultValue = "${env:CHAINPOS_KEK_FILE}",
                description = "The key file. Env CHAINPOS_KEK_FILE.")
        Path file;

        @Option(names = "--id", description = "The new key's id (letters, digits, '.', '_', '-'). Default: k<UTC date-time>.")
        String id;

        Add(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() {
            try {
                String added = KeyRing.addKey(file, id != null ? id : STAMP.format(services.clock().instant()));
                spec.commandLine().getOut().println("key " + added + " added to " + file + "; it wraps from now on. "
                        + "Run 'sync-server kek rewrap' to wrap what older keys hold.");
                return 0;
            } catch (KeyRing.BadKeyFile e) {
                spec.commandLine().getErr().println("sync-server kek add: " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
        }
    }

    @Command(name = "rewrap", mixinStandardHelpOptions = true,
            description = "Wrap every member key and chain secret with the newest key of the key file (those kept unwrapped too). "
                    + "Safe while servers run.")
    static final class Rewrap implements Callable<Integer> {
        private final Services services;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        private DatabaseOptions database = new DatabaseOptions();

        Rewrap(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (database.keyFile == null) {
                err.println("sync-server kek rewrap: give the key file with --kek-file (or CHAINPOS_KEK_FILE)");
                return CommandLine.ExitCode.USAGE;
            }
            try (Storage storage = services.openStorage(database.settings())) {
                KeysAtRest.Rewrapped done = services.keysAtRest(storage).rewrap();
                spec.commandLine().getOut().printf("wrapped with %s: %d member keys, %d chain secrets%n",
                        storage.keys().currentId().orElseThrow(), done.memberKeys(), done.chainSecrets());
                if (done.left() > 0) {
                    err.printf("sync-server kek rewrap: %d could not be opened: their key is not in %s (put its line back)%n",
                            done.left(), database.keyFile);
                    return 1;
                }
                return 0;
            } catch (Storage.UnsupportedDatabase | StorageFailure e) {
                err.println("sync-server kek rewrap: " + e.getMessage());
                return Commands.DATABASE_UNAVAILABLE;
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Count the member keys and chain secrets each key wraps, and those kept unwrapped.")
    static final class Status implements Callable<Integer> {
        private final Services services;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        private DatabaseOptions database = new DatabaseOptions();

        Status(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() {
            try (Storage storage = services.openStorage(database.settings())) {
                Map<String, Long> counts = services.keysAtRest(storage).byKey();
                PrintWriter out = spec.commandLine().getOut();
                out.println("wrapping now: " + storage.keys().currentId().orElse("nothing (no key file given)"));
                counts.forEach((key, count) -> out.printf("%-24s %d%n", key, count));
                return 0;
            } catch (Storage.UnsupportedDatabase | StorageFailure e) {
                spec.commandLine().getErr().println("sync-server kek status: " + e.getMessage());
                return Commands.DATABASE_UNAVAILABLE;
            }
        }
    }
}
