package io.chainpos.till.backup;

import java.util.Optional;

/**
 * The last good backup and the last failure, if any. The backups are failing while the failure is newer than the
 * last good copy: the screens and the console then say why.
 */
public record BackupStatus(Optional<BackupCopy> lastGood, Optional<BackupFailure> lastFailure) {
    public static final BackupStatus NONE = new BackupStatus(Optional.empty(), Optional.empty());

    /** The failure to report now, if the last attempt failed. */
    public Optional<BackupFailure> failing() {
        return lastFailure.filter(failure -> lastGood.map(good -> failure.at().isAfter(good.takenAt())).orElse(true));
    }
}
