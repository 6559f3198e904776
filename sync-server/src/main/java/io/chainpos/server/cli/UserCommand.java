package io.chainpos.server.cli;

import io.chainpos.server.auth.Role;
import io.chainpos.server.auth.Users;
import io.chainpos.server.db.Storage;
import io.chainpos.server.db.StorageFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code user}: creates an account; the password comes on standard input, never on the command line. */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Create a user; reads the password from the first line of standard input.")
final class UserCommand implements Callable<Integer> {
    private final Services services;
    private final InputStream stdin;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--name", required = true, description = "The username to sign in with.")
    private String name;

    @Option(names = "--role", required = true,
            description = "hq-admin (everything), hq-analyst (reads everything, changes nothing), store-manager (one store, "
                    + "with --store); hq is hq-admin. Till roles: cashier, manager, owner.")
    private String role;

    @Option(names = "--store", description = "The store a store-manager manages, for example S001.")
    private String store;

    UserCommand(Services services, InputStream stdin) {
        this.services = services;
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Role> parsed = Role.parse(role);
        if (parsed.isEmpty()) {
            err.println("sync-server user: --role must be hq-admin, hq-analyst, store-manager, cashier, manager or owner");
            return CommandLine.ExitCode.USAGE;
        }
        String password = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
        if (password == null || password.isEmpty()) {
            err.println("sync-server user: give the password on standard input, for example: echo \"$PASSWORD\" | sync-server user ...");
            return CommandLine.ExitCode.USAGE;
        }
        try (Storage storage = services.openStorage(database.settings())) {
            Users users = services.users(storage);
            return switch (users.create(name, parsed.get(), store, password)) {
                case Users.Created.Done(String username, Role created) -> {
                    spec.commandLine().getOut().println("created user " + username + " (" + created.label()
                            + (store == null ? "" : ", store " + store.trim()) + ")");
                    yield 0;
                }
                case Users.Created.Refused refused -> {
                    err.println("sync-server user: " + refused.reason());
                    yield Commands.REFUSED;
                }
            };
        } catch (Storage.UnsupportedDatabase | StorageFailure e) {
            err.println("sync-server user: " + e.getMessage());
            return Commands.DATABASE_UNAVAILABLE;
        }
    }
}
