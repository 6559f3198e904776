package io.chainpos.till.cli;

import io.chainpos.till.backup.BackupFailure;
import io.chainpos.till.backup.BackupStatus;
import io.chainpos.till.backup.TillBackups;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * The ledger's backups at the command-line till: {@code backup} takes one now and says where it went (or why not);
 * {@code backup status} shows the last good one. A failing backup is announced when it happens, and selling goes on.
 */
public final class BackupCommands {
    static final String HELP = """
            backup                    back the ledger up now (also after every shift close and once a day)
            backup status             the last good backup, and why the last one failed if it did""";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final TillBackups backups;
    private final ZoneId zone;
    private final PrintStream out;

    public BackupCommands(TillBackups backups, ZoneId zone, PrintStream out) {
        this.backups = backups;
        this.zone = zone;
        this.out = out;
        backups.onStatus(status -> status.failing().ifPresent(failure -> out.println(describe(failure))));
    }

    void handle(String[] words) {
        if (words.length > 1 && words[1].equalsIgnoreCase("status")) {
            show(backups.status());
            return;
        }
        if (words.length > 1) {
            throw new IllegalArgumentException("backup, or backup status");
        }
        out.println("backing the ledger up to " + backups.folder() + "...");
        try {
            switch (backups.backUpSoon("manual").get()) {
                case TillBackups.BackupOutcome.Done done -> out.println("backed up and checked: " + done.copy().file()
                        + " (" + done.copy().bytes() / 1024 + " KB)");
                case TillBackups.BackupOutcome.Failed failed -> { } // announced by the status listener
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("the backup failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void show(BackupStatus status) {
        out.println("backup folder: " + backups.folder());
        out.println(status.lastGood().map(copy -> "last good backup: " + copy.file().getFileName() + ", taken "
                + WHEN.format(copy.takenAt().atZone(zone))).orElse("no backup yet"));
        Optional<BackupFailure> failing = status.failing();
        failing.ifPresent(failure -> out.println(describe(failure)));
    }

    /** The failure in the cashier's words; the sale is never concerned. */
    static String describe(BackupFailure failure) {
        String why = switch (failure.problem()) {
            case FOLDER_MISSING -> "the backup folder " + failure.folder() + " is not there (is the USB disk plugged in, "
                    + "the network share connected?)";
            case FOLDER_READ_ONLY -> "the backup folder " + failure.folder() + " cannot be written (read-only, or no permission)";
            case DISK_FULL -> "the disk of the backup folder " + failure.folder() + " is full";
            case COPY_DAMAGED -> "the copy in " + failure.folder() + " did not read back whole and was deleted";
            case FAILED -> "the backup to " + failure.folder() + " failed (" + failure.detail() + ")";
        };
        return "backup failed: " + why + "; selling goes on and the till tries again at the next shift close or tomorrow";
    }
}
