package io.chainpos.till.backup;

import io.chainpos.till.TillMessage;
import io.chainpos.till.ledger.LedgerCopies;
import io.chainpos.till.security.OwnerOnly;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

        /** Why not, as a code the command line puts into the till's language; a cause's own text goes to the log. */
        record Refused(TillMessage reason) implements Result {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(RestoreFromBackup.class);

    private RestoreFromBackup() {
    }

    public static Result restore(Path backup, Path ledger) {
        if (!Files.isRegularFile(backup)) {
            return new Result.Refused(TillMessage.of(TillMessage.Code.RESTORE_NO_BACKUP, backup.toString()));
        }
        if (Files.exists(ledger)) {
            return new Result.Refused(TillMessage.of(TillMessage.Code.RESTORE_WOULD_OVERWRITE, ledger.toString()));
        }
        try {
            List<String> problems = LedgerCopies.check(backup);
            if (!problems.isEmpty()) {
                LOG.atWarn().setMessage("restore.backupUnusable").addKeyValue("backup", backup)
                        .addKeyValue("problems", String.join("; ", problems)).log();
                return new Result.Refused(TillMessage.of(TillMessage.Code.RESTORE_BACKUP_UNUSABLE, backup.toString()));
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
            LOG.atWarn().setMessage("restore.failed").addKeyValue("backup", backup).addKeyValue("ledger", ledger).setCause(e).log();
            return new Result.Refused(TillMessage.of(TillMessage.Code.RESTORE_FAILED, backup.toString(), ledger.toString()));
        }
    }
}
