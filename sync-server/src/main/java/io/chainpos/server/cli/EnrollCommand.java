package io.chainpos.server.cli;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.server.auth.Enrollment;
import io.chainpos.server.db.Storage;
import io.chainpos.server.db.StorageFailure;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code enroll}: prints a one-time enrollment code for a till, and nothing else, so scripts can capture it. With
 * {@code --revoke}, the till's current token (a dead or stolen PC's) is refused first and the code is its replacement.
 */
@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = "Print a one-time code a till enrolls with (valid 7 days, works once).")
final class EnrollCommand implements Callable<Integer> {
    private final Services services;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--store", required = true, description = "The till's store, for example S001.")
    private String store;

    @Option(names = "--till", required = true, description = "The till, for example S001-T1.")
    private String till;

    @Option(names = "--revoke", description = "Revoke the till's current token first: the code is its replacement.")
    private boolean revoke;

    EnrollCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        StoreId storeId;
        TillId tillId;
        try {
            storeId = StoreId.of(store);
            tillId = TillId.of(till);
        } catch (IllegalArgumentException e) {
            err.println("sync-server enroll: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        try (Storage storage = services.openStorage(database.settings())) {
            var accounts = services.accounts(storage);
            if (revoke) {
                var current = accounts.storeOfTill(tillId);
                if (current.isEmpty() || !current.get().equals(storeId)) {
                    err.println("sync-server enroll: till " + tillId + " is not enrolled in store " + storeId + ": nothing to revoke");
                    return Commands.REFUSED;
                }
                if (accounts.revokeTill(tillId, services.clock().instant())) {
                    services.audit(storage).record(actor(), "till.revoked", tillId.value(), storeId.value(), "sync-server enroll --revoke");
                }
            }
            Enrollment enrollment = new Enrollment(accounts, services.secrets(), services.clock());
            return switch (enrollment.issueCode(storeId, tillId)) {
                case Enrollment.Issued.Code(String code, var expires) -> {
                    services.audit(storage).record(actor(), revoke ? "till.replacement-code" : "till.code-issued", tillId.value(),
                            storeId.value(), "expires " + expires + " (sync-server enroll)");
                    spec.commandLine().getOut().println(code);
                    yield 0;
                }
                case Enrollment.Issued.Refused(String reason) -> {
                    err.println("sync-server enroll: " + reason);
                    yield Commands.REFUSED;
                }
            };
        } catch (Storage.UnsupportedDatabase | StorageFailure e) {
            err.println("sync-server enroll: " + e.getMessage());
            return Commands.DATABASE_UNAVAILABLE;
        }
    }

    /** Who ran the command, as the audit names them: the operating system's account ({@code cli:root}). */
    private static String actor() {
        return "cli:" + System.getProperty("user.name", "?");
    }
}
