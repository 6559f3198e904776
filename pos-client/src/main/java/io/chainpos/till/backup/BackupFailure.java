package io.chainpos.till.backup;

import java.nio.file.Path;
import java.time.Instant;

/** Why a backup could not be made, for the cashier's words; {@code detail} is the system's own message, for the log. */
public record BackupFailure(Problem problem, Path folder, String detail, Instant at) {

    /** The folder's path as text, for the screens. */
    public String where() {
        return folder.toString();
    }

    /** What the cashier can do something about, each with its own sentence on the screens. */
    public enum Problem {
        /** The folder is not there: a USB disk unplugged, a network share not mounted. */
        FOLDER_MISSING,
        /** The folder cannot be written (a read-only disk or share, no permission). */
        FOLDER_READ_ONLY,
        /** The disk of the folder is full. */
        DISK_FULL,
        /** The copy was written but does not read back whole; it was deleted. */
        COPY_DAMAGED,
        /** Anything else; the detail says what. */
        FAILED
    }
}
