package io.chainpos.server.db;

/** The database failed (disk, corruption, a bug in a statement): never an expected outcome, always a 500. */
public final class StorageFailure extends RuntimeException {
    public StorageFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
