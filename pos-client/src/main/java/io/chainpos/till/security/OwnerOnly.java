package io.chainpos.till.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Files and folders only their owner may read, on Linux and macOS: folders 0700, files 0600, given at creation (never
 * created loose and tightened after). On Windows a file under the user's own profile folder is already the user's
 * (and the administrators') only, so nothing is set there.
 */
public final class OwnerOnly {
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    public static boolean posix(Path path) {
        return path.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates {@code folder} and any missing parents owner-only; an existing one is left as it is (and checked). */
    public static void createFolder(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        if (absolute.getParent() != null && !Files.isDirectory(absolute.getParent())) {
            createFolder(absolute.getParent());
        }
        if (posix(absolute)) {
            Files.createDirectory(absolute, attribute(FOLDER));
        } else {
            Files.createDirectory(absolute);
        }
    }

    /** Creates an empty owner-only file if there is none (SQLite gives its -wal and -shm files the database's mode). */
    public static void createFile(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        createFolder(file.toAbsolutePath().getParent());
        if (posix(file)) {
            Files.createFile(file, attribute(FILE));
        } else {
            Files.createFile(file);
        }
    }

    /** Makes an existing file owner-only (a file another program created with the process's umask). */
    public static void restrict(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** What is looser than owner-only about {@code path} ({@code "0644"}), or empty when it is fine or not there. */
    public static Optional<String> looser(Path path) throws IOException {
        if (!Files.exists(path) || !posix(path)) {
            return Optional.empty();
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
        boolean others = mode.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
        return others ? Optional.of(octal(mode)) : Optional.empty();
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> mode) {
        return PosixFilePermissions.asFileAttribute(mode);
    }

    static String octal(Set<PosixFilePermission> mode) {
        int bits = 0;
        for (PosixFilePermission p : mode) {
            bits |= 1 << (8 - p.ordinal());
        }
        return String.format("0%o", bits);
    }
}
