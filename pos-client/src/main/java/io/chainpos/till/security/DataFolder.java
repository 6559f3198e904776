package io.chainpos.till.security;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The till's data folder kept to its owner: made 0700 with an empty 0600 ledger in it before SQLite opens it, and
 * checked at every start, since a folder copied, restored or made by an older release may be readable by every account
 * on a shared shop PC (the ledger holds members' sealed data and the till's token). On Windows the check is that the
 * folder lies in the user's own profile.
 */
public final class DataFolder {
    /** The files the till keeps there, each owner-only. */
    static final List<String> FILES = List.of("till.db", "till.db-wal", "till.db-shm", "till.log", "devices.properties",
            "till.properties", "receipts.escpos");

    private DataFolder() {
    }

    /** Creates the folder and the ledger file owner-only, when they are not there yet. */
    public static void prepare(Path folder, String ledgerFile) throws IOException {
        OwnerOnly.createFolder(folder);
        OwnerOnly.createFile(folder.resolve(ledgerFile));
    }

    /**
     * What others may read: each as {@code path (mode)} with what to do, for the log and the top bar. Empty when all is
     * owner-only.
     */
    public static List<String> looser(Path folder, Path keyFile, Path userHome) throws IOException {
        List<String> loose = new ArrayList<>();
        if (!OwnerOnly.posix(folder)) {
            if (!folder.toAbsolutePath().normalize().startsWith(userHome.toAbsolutePath().normalize())) {
                loose.add(folder.toAbsolutePath() + " is outside the user's profile folder");
            }
            return loose;
        }
        check(folder, loose);
        for (String name : FILES) {
            check(folder.resolve(name), loose);
        }
        check(keyFile.toAbsolutePath().getParent(), loose);
        check(keyFile, loose);
        return loose;
    }

    private static void check(Path path, List<String> loose) throws IOException {
        Optional<String> mode = OwnerOnly.looser(path);
        mode.ifPresent(m -> loose.add(path.toAbsolutePath() + " (" + m + ")"));
    }
}
