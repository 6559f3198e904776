package io.chainpos.server.sync;

import io.chainpos.model.id.TillId;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * Snapshots written once to a gzip file, so a till cut off halfway resumes where it stopped instead of starting a
 * chain's members over: each file has an id, belongs to the till that asked, and is kept for {@link #KEEP} after it
 * was written (then deleted, at the next spool or fetch). What the spool knows lives in memory: a restarted server
 * deletes the files of its previous run, and a till asking for one of them is told it is gone and asks anew.
 */
public final class SnapshotSpool implements AutoCloseable {
    public static final Duration KEEP = Duration.ofHours(1);
    private static final String SUFFIX = ".json.gz";

    /** A snapshot on disk: whose it is, the cursor it was taken at, how many events, its bytes and their SHA-256. */
    public record Spooled(String id, TillId till, long next, int events, long length, String sha256, Instant writtenAt,
                          Path file) {
    }

    /** Writes the snapshot's JSON into the stream it is given and returns its cursor and event count. */
    @FunctionalInterface
    public interface Content {
        Written writeTo(OutputStream out) throws IOException;
    }

    public record Written(long next, int events) {
    }

    private final Path folder;
    private final Clock clock;
    private final Duration keep;
    private final Map<String, Spooled> spooled = new ConcurrentHashMap<>();
    /** A folder the spool made for itself, deleted when it closes. */
    private final boolean ownFolder;

    public SnapshotSpool(Path folder, Clock clock) {
        this(folder, clock, KEEP, false);
    }

    /** In a new folder under the system's temporary folder, deleted with what it holds when the spool closes. */
    public static SnapshotSpool temporary(Clock clock) {
        try {
            return new SnapshotSpool(Files.createTempDirectory("chainpos-snapshots"), clock, KEEP, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for snapshots under the temporary folder", e);
        }
    }

    SnapshotSpool(Path folder, Clock clock, Duration keep, boolean ownFolder) {
        this.ownFolder = ownFolder;
        this.folder = folder;
        this.clock = clock;
        this.keep = keep;
        try {
            Files.createDirectories(folder);
            try (DirectoryStream<Path> left = Files.newDirectoryStream(folder, "*" + SUFFIX + "*")) {
                for (Path file : left) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the snapshot spool folder " + folder, e);
        }
    }

    /** Writes a snapshot for {@code till} to a new file; the file appears under its id only once it is whole. */
    public Spooled spool(TillId till, Content content) throws IOException {
        cleanUp();
        String id = UUID.randomUUID().toString();
        Path file = folder.resolve(id + SUFFIX);
        Path partial = folder.resolve(id + SUFFIX + ".partial");
        MessageDigest sha = sha256();
        Written written;
        try (OutputStream out = new GZIPOutputStream(new DigestOutputStream(
                new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16), sha), 1 << 16)) {
            written = content.writeTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        Spooled done = new Spooled(id, till, written.next(), written.events(), Files.size(file),
                HexFormat.of().formatHex(sha.digest()), clock.instant(), file);
        spooled.put(id, done);
        return done;
    }

    /** The spooled snapshot {@code id} when it is still kept and belongs to {@code till}. */
    public Optional<Spooled> find(String id, TillId till) {
        cleanUp();
        Spooled found = spooled.get(id);
        return found != null && found.till().equals(till) ? Optional.of(found) : Optional.empty();
    }

    /** Deletes the snapshots written more than the keeping time ago. */
    void cleanUp() {
        Instant oldest = clock.instant().minus(keep);
        spooled.values().removeIf(s -> {
            if (!s.writtenAt().isBefore(oldest)) {
                return false;
            }
            try {
                Files.deleteIfExists(s.file());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete an old snapshot " + s.file(), e);
            }
            return true;
        });
    }

    /** Deletes the snapshots written (a till asking for one later is told it is gone, and asks anew). */
    @Override
    public void close() {
        try {
            for (Spooled s : spooled.values()) {
                Files.deleteIfExists(s.file());
            }
            spooled.clear();
            if (ownFolder) {
                try (DirectoryStream<Path> left = Files.newDirectoryStream(folder)) {
                    for (Path file : left) {
                        Files.deleteIfExists(file);
                    }
                }
                Files.deleteIfExists(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the spooled snapshots in " + folder, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
