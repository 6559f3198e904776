package io.chainpos.server.cli;

import java.io.InputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sync-server serve|enroll|user|ca|cert|backup|rebuild|migrate|events|kek}: the one runnable jar's commands. */
@Command(name = "sync-server", mixinStandardHelpOptions = true,
        description = "ChainPOS sync server: tills push and pull events, head office sees every store merged.",
        footer = {"", "Exit codes: 0 done, 1 failure, 2 bad usage, 3 database cannot be opened, 4 refused."})
public final class Commands implements Runnable {
    static final int REFUSED = 4;
    static final int DATABASE_UNAVAILABLE = 3;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private Commands() {
    }

    public static CommandLine commandLine(Services services, InputStream stdin) {
        return new CommandLine(new Commands())
                .addSubcommand("serve", new ServeCommand(services))
                .addSubcommand("enroll", new EnrollCommand(services))
                .addSubcommand("user", new UserCommand(services, stdin))
                .addSubcommand("ca", new CaCommand(services))
                .addSubcommand("cert", new CertCommand(services))
                .addSubcommand("backup", new BackupCommand())
                .addSubcommand("rebuild", new RebuildCommand(services))
                .addSubcommand("migrate", new MigrateCommand(services))
                .addSubcommand("events", new CommandLine(new EventsCommand())
                        .addSubcommand("months", new EventsCommand.Months(services))
                        .addSubcommand("detach", new EventsCommand.Detach(services)))
                .addSubcommand("kek", new CommandLine(new KekCommand())
                        .addSubcommand("add", new KekCommand.Add(services))
                        .addSubcommand("rewrap", new KekCommand.Rewrap(services))
                        .addSubcommand("status", new KekCommand.Status(services)));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
