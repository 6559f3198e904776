package io.chainpos.till.backup;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.ShiftClosed;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.LedgerCopies;
import io.chainpos.till.security.OwnerOnly;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The till backs its ledger up by itself: after every shift close and once a day, on a thread of its own, into a
 * folder that may be a USB disk or a network share. Each copy is consistent although the counter keeps selling
 * (SQLite's {@code VACUUM INTO}), checked ({@code integrity_check}) before it takes its final name, and the oldest
 * beyond {@code keep} are deleted. A folder that is missing, read-only or full is reported through the status, never
 * to the sale: selling does not wait for a backup and a backup's failure changes nothing in the ledger.
 */
public final class TillBackups implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TillBackups.class);
    /** Backups are named by the moment they were taken (UTC), so the names sort in time order. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String PREFIX = "till-backup-";
    private static final Duration DAILY = Duration.ofDays(1);

    private final Path ledgerFile;
    private final Path folder;
    private final boolean folderIsDefault;
    private final int keep;
    private final Clock clock;
    private final List<Consumer<BackupStatus>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon()
            .name("till-backup").factory());
    private ScheduledExecutorService daily;
    private volatile BackupStatus status = BackupStatus.NONE;

    /**
     * Backs {@code ledgerFile} up into {@code folder}, or into {@code defaultFolder} (made when missing) when
     * {@code folder} is empty. A chosen folder is never made: a missing USB disk must not fill the mount point.
     */
    public TillBackups(Path ledgerFile, String folder, Path defaultFolder, int keep, Clock clock) {
        this.ledgerFile = ledgerFile;
        this.folderIsDefault = folder == null || folder.isBlank();
        this.folder = folderIsDefault ? defaultFolder : Path.of(folder);
        this.keep = keep;
        this.clock = clock;
        this.status = new BackupStatus(newestInFolder(), Optional.empty());
    }

    /** Starts backing up after every shift close on {@code ledger} and once a day (checked every hour). */
    public void start(Ledger ledger) {
        ledger.onCommit(this::afterCommit);
        daily = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("till-backup-daily").factory());
        daily.scheduleWithFixedDelay(() -> worker.execute(this::dailyIfDue), 1, 60, TimeUnit.MINUTES);
    }

    public Path folder() {
        return folder;
    }

    public BackupStatus status() {
        return status;
    }

    /** Hears every new status (a backup done or failed), on the backup's thread. */
    public void onStatus(Consumer<BackupStatus> listener) {
        listeners.add(listener);
    }

    /** Takes a backup now on the backup thread; the future gives its outcome. */
    public Future<BackupOutcome> backUpSoon(String why) {
        return worker.submit(() -> backUp(why));
    }

    /** Takes the daily backup if the last good one is a day old or there is none. */
    public Optional<BackupOutcome> dailyIfDue() {
        Optional<BackupCopy> last = status.lastGood();
        if (last.isPresent() && last.get().takenAt().plus(DAILY).isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(backUp("daily"));
    }

    /** A backup done, or why not. */
    public sealed interface BackupOutcome {
        record Done(BackupCopy copy) implements BackupOutcome {
        }

        record Failed(BackupFailure failure) implements BackupOutcome {
        }
    }

    /** Takes a backup now, on the calling thread: copy, check, name, then delete the oldest beyond {@code keep}. */
    public synchronized BackupOutcome backUp(String why) {
        Instant now = clock.instant();
        BackupOutcome outcome = attempt(why, now);
        switch (outcome) {
            case BackupOutcome.Done done -> {
                log.info("backup.done reason={} file={} bytes={}", why, done.copy().file(), done.copy().bytes());
                status = new BackupStatus(Optional.of(done.copy()), status.lastFailure());
            }
            case BackupOutcome.Failed failed -> {
                log.warn("backup.failed reason={} problem={} folder={} detail={}", why, failed.failure().problem(),
                        folder, failed.failure().detail());
                status = new BackupStatus(status.lastGood(), Optional.of(failed.failure()));
            }
        }
        BackupStatus current = status;
        listeners.forEach(listener -> listener.accept(current));
        return outcome;
    }

    private BackupOutcome attempt(String why, Instant now) {
        if (folderIsDefault) {
            try {
                // Copies of the ledger hold what the ledger holds: the default folder is the owner's alone, like the data folder.
                OwnerOnly.createFolder(folder);
            } catch (IOException e) {
                return failed(BackupFailure.Problem.FOLDER_READ_ONLY, e.toString(), now);
            }
        }
        if (!Files.isDirectory(folder)) {
            return failed(BackupFailure.Problem.FOLDER_MISSING, folder + " is not a folder that exists", now);
        }
        if (!Files.isWritable(folder)) {
            return failed(BackupFailure.Problem.FOLDER_READ_ONLY, folder + " cannot be written", now);
        }
        String name = PREFIX + STAMP.format(now) + "-" + why + ".db";
        Path partial = folder.resolve("." + name + ".partial");
        Path target = folder.resolve(name);
        try {
            Files.deleteIfExists(partial);
            // Made owner-only before SQLite writes into it (VACUUM INTO takes an empty file), so no copy is ever readable by others.
            OwnerOnly.createFile(partial);
            LedgerCopies.copy(ledgerFile, partial);
            OwnerOnly.restrict(partial);
            List<String> problems = LedgerCopies.check(partial);
            if (!problems.isEmpty()) {
                Files.deleteIfExists(partial);
                return failed(BackupFailure.Problem.COPY_DAMAGED, String.join("; ", problems), now);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            BackupCopy copy = new BackupCopy(target, now, Files.size(target));
            prune();
            return new BackupOutcome.Done(copy);
        } catch (IOException e) {
            deleteQuietly(partial);
            return failed(problemOf(e), e.getMessage(), now);
        }
    }

    private static BackupFailure.Problem problemOf(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("SQLITE_FULL") || message.contains("No space left")) {
            return BackupFailure.Problem.DISK_FULL;
        }
        if (message.contains("SQLITE_READONLY") || message.contains("SQLITE_CANTOPEN") || message.contains("Read-only")
                || e instanceof java.nio.file.AccessDeniedException) {
            return BackupFailure.Problem.FOLDER_READ_ONLY;
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return BackupFailure.Problem.FOLDER_MISSING;
        }
        return BackupFailure.Problem.FAILED;
    }

    private BackupOutcome failed(BackupFailure.Problem problem, String detail, Instant now) {
        return new BackupOutcome.Failed(new BackupFailure(problem, folder, detail, now));
    }

    /** Deletes the oldest backups beyond {@code keep}; a backup that cannot be deleted is left for next time. */
    private void prune() throws IOException {
        List<Path> backups = backupsInFolder();
        for (int i = 0; i < backups.size() - keep; i++) {
            try {
                Files.deleteIfExists(backups.get(i));
            } catch (FileSystemException e) {
                log.warn("backup.prune_failed file={} detail={}", backups.get(i), e.getMessage());
            }
        }
    }

    /** This till's finished backups in the folder, oldest first. */
    public List<Path> backupsInFolder() throws IOException {
        List<Path> backups = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, PREFIX + "*.db")) {
            files.forEach(backups::add);
        }
        backups.sort(null);
        return backups;
    }

    /** The newest finished backup in the folder when the till starts (each was checked before it got its name). */
    private Optional<BackupCopy> newestInFolder() {
        try {
            List<Path> backups = Files.isDirectory(folder) ? backupsInFolder() : List.of();
            if (backups.isEmpty()) {
                return Optional.empty();
            }
            Path newest = backups.getLast();
            String stamp = newest.getFileName().toString().substring(PREFIX.length(), PREFIX.length() + 15);
            Instant taken = STAMP.parse(stamp, Instant::from);
            return Optional.of(new BackupCopy(newest, taken, Files.size(newest)));
        } catch (IOException | RuntimeException e) {
            log.warn("backup.folder_unreadable folder={} detail={}", folder, e.toString());
            return Optional.empty();
        }
    }

    private void afterCommit(List<EventEnvelope> committed) {
        if (committed.stream().anyMatch(event -> event.payload() instanceof ShiftClosed)) {
            worker.execute(() -> backUp("shift"));
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("backup.cleanup_failed file={} detail={}", file, e.getMessage());
        }
    }

    @Override
    public void close() {
        if (daily != null) {
            daily.shutdownNow();
        }
        worker.shutdown();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
