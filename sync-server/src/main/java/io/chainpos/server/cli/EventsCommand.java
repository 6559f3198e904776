package io.chainpos.server.cli;

import io.chainpos.server.db.Storage;
import io.chainpos.server.db.StorageFailure;
import io.chainpos.server.log.JdbcEventPartitions;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code events months|detach}: the months of records of a PostgreSQL event log (V250, {@link JdbcEventPartitions}).
 * {@code detach --before 2026-01} detaches every month before January 2026 for archive, once each ended more than the
 * pull retention ago; the tables stay in the schema to be dumped (README, "Archiving old months of the log").
 */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "The event log's months of records on PostgreSQL: list them, or detach old ones for archive.")
final class EventsCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "months", mixinStandardHelpOptions = true,
            description = "List the months of records attached to the log and those detached for archive.")
    static final class Months implements Callable<Integer> {
        private final Services services;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        private DatabaseOptions database = new DatabaseOptions();

        Months(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try (Storage storage = services.openStorage(database.settings())) {
                if (!JdbcEventPartitions.partitioned(storage.database())) {
                    err.println("sync-server events months: " + SQLITE);
                    return Commands.REFUSED;
                }
                JdbcEventPartitions partitions = new JdbcEventPartitions(storage.database());
                PrintWriter out = spec.commandLine().getOut();
                partitions.archived().forEach(a -> out.printf("%s  detached  %-26s %d events, server_seq %s..%s%n",
                        a.month(), a.partition(), a.events(), a.firstSeq(), a.lastSeq()));
                partitions.attached().forEach(m -> out.printf("%s  attached  %s%n", m.month(), m.partition()));
                return 0;
            } catch (Storage.UnsupportedDatabase | StorageFailure e) {
                err.println("sync-server events months: " + e.getMessage());
                return Commands.DATABASE_UNAVAILABLE;
            }
        }
    }

    static final String SQLITE = "the event log is partitioned by month on PostgreSQL only; a SQLite server keeps one table";

    @Command(name = "detach", mixinStandardHelpOptions = true,
            description = "Detach every month of records before --before for archive (sales, refunds, top-ups, the counter's "
                    + "audit acts); members, catalog, rules and balances stay. Refused for a month within the pull retention.")
    static final class Detach implements Callable<Integer> {
        private final Services services;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        private DatabaseOptions database = new DatabaseOptions();

        @Option(names = "--before", required = true, description = "The first month kept, as yyyy-MM (UTC): every month before it is detached.")
        String before;

        @Option(names = "--pull-retention-days", defaultValue = "${env:CHAINPOS_PULL_RETENTION_DAYS:-30}",
                description = "The servers' pull retention (as given to serve). Env CHAINPOS_PULL_RETENTION_DAYS. Default: ${DEFAULT-VALUE}")
        int pullRetentionDays;

        Detach(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            YearMonth first;
            try {
                first = YearMonth.parse(before);
            } catch (DateTimeParseException e) {
                err.println("sync-server events detach: --before takes a month as yyyy-MM, such as 2026-01; not " + before);
                return CommandLine.ExitCode.USAGE;
            }
            if (pullRetentionDays < 1) {
                err.println("sync-server events detach: --pull-retention-days must be at least 1");
                return CommandLine.ExitCode.USAGE;
            }
            try (Storage storage = services.openStorage(database.settings())) {
                if (!JdbcEventPartitions.partitioned(storage.database())) {
                    err.println("sync-server events detach: " + SQLITE);
                    return Commands.REFUSED;
                }
                List<JdbcEventPartitions.Archived> done = new JdbcEventPartitions(storage.database())
                        .detach(first, services.clock().instant(), Duration.ofDays(pullRetentionDays));
                PrintWriter out = spec.commandLine().getOut();
                if (done.isEmpty()) {
                    out.println("no month before " + first + " is attached: nothing to detach");
                }
                for (JdbcEventPartitions.Archived a : done) {
                    services.audit(storage).record(actor(), "events.detached", a.partition(), null,
                            "%s: %d events, server_seq %s..%s".formatted(a.month(), a.events(), a.firstSeq(), a.lastSeq()));
                    out.printf("detached %s (%d events) as table %s; archive it with: pg_dump --table=%s --format=custom "
                            + "--file=%s.dump <database>, then DROP TABLE %s%n", a.month(), a.events(), a.partition(),
                            a.partition(), a.partition(), a.partition());
                }
                return 0;
            } catch (JdbcEventPartitions.Refused e) {
                err.println("sync-server events detach: " + e.getMessage());
                return Commands.REFUSED;
            } catch (Storage.UnsupportedDatabase | StorageFailure e) {
                err.println("sync-server events detach: " + e.getMessage());
                return Commands.DATABASE_UNAVAILABLE;
            }
        }

        private static String actor() {
            return "cli:" + System.getProperty("user.name", "?");
        }
    }
}
