package io.chainpos.till.backup;

import io.chainpos.till.ledger.LedgerCopies;
import io.chainpos.till.security.OwnerOnly;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Puts a backup of the ledger back as the till's ledger, on a new PC or after the old ledger was lost. The backup is
 * checked first, and an existing ledger is never overwritten. The restored till must then enroll again with a new
 * code: the server gives it a new epoch, so its new sales cannot reuse a sequence number the old ledger already sent
 * after the backup was taken, and it pulls back those sales as its own former ones.
 */
public final class RestoreFromBackup {

    /** The restore's outcome: done (the ledger now holds {@code events} events of this till), or why not. */
    public sealed interface Result {
        record Restored(Path ledger, long events) implements Result {
        }

        record Refused(String reason) implements Result {
        }
    }

    private RestoreFromBackup() {
    }

    public static Result restore(Path backup, Path ledger) {
        if (!Files.isRegularFile(backup)) {
            return new Result.Refused("there is no backup file at " + backup);
        }
        if (Files.exists(ledger)) {
            return new Result.Refused("the data folder already holds a ledger (" + ledger + "); the restore never "
                    + "overwrites one: move it away first, or restore into another --data folder");
        }
        try {
            List<String> problems = LedgerCopies.check(backup);
            if (!problems.isEmpty()) {
                return new Result.Refused("the backup " + backup + " cannot be used: " + String.join("; ", problems));
            }
            Files.createDirectories(ledger.toAbsolutePath().getParent());
            Path partial = ledger.resolveSibling(ledger.getFileName() + ".restoring");
            Files.deleteIfExists(partial);
            OwnerOnly.createFile(partial); // the members' sealed data and the till's token are its owner's only
            try (OutputStream out = Files.newOutputStream(partial)) {
                Files.copy(backup, out);
            }
            Files.move(partial, ledger, StandardCopyOption.ATOMIC_MOVE);
            return new Result.Restored(ledger, LedgerCopies.ownEvents(ledger));
        } catch (IOException e) {
            return new Result.Refused("cannot restore " + backup + " to " + ledger + ": " + e.getMessage());
        }
    }
}
