package io.chainpos.till.backup;

import java.nio.file.Path;
import java.time.Instant;

/** A checked backup of the ledger: its file, when it was taken and its size. */
public record BackupCopy(Path file, Instant takenAt, long bytes) {
    /** The file's path as text, for the screens. */
    public String where() {
        return file.toString();
    }
}
