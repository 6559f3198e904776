package io.chainpos.till.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainpos.model.json.EventCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A snapshot fetched into the till's data folder before it is installed, so neither a cut connection nor a till
 * switched off halfway starts a chain's members over: {@code snapshot.json} says which spooled snapshot the server
 * wrote for this till (id, cursor, length, SHA-256, what the till held when it asked) and {@code snapshot.json.gz}
 * holds its bytes so far. A cut resumes with a range from the last byte kept; a server that no longer keeps the
 * snapshot is asked for a new one; a whole file whose SHA-256 is wrong is thrown away. Installing reads the verified
 * file in one ledger transaction, and the files go only once it committed: a till stopped while installing installs
 * again from the file.
 */
public final class SnapshotDownload {
    private static final Logger log = LoggerFactory.getLogger(SnapshotDownload.class);
    private static final String STATE = "snapshot.json";
    private static final String BYTES = "snapshot.json.gz";
    /**
     * A progress report every thousandth of the download, but at least every 256 KiB and at most every 8 KiB: enough for
     * a smooth bar, few enough to cost nothing on the screen's thread.
     */
    private static long reportEvery(long length) {
        return Math.max(1 << 13, Math.min(1 << 18, length / 1000));
    }

    private final Path folder;
    private final EventCodec codec;
    private final Clock clock;

    public SnapshotDownload(Path folder, EventCodec codec, Clock clock) {
        this.folder = folder;
        this.codec = codec;
        this.clock = clock;
    }

    /** A whole, verified snapshot file. */
    record Ready(SyncApi.SpooledSnapshot spooled, Path file) {
    }

    /**
     * The snapshot for a till that holds {@code held} and pulls from {@code cursor}: the one downloaded or begun before
     * when it still fits, or a new one. Empty when the server does not spool snapshots (it streams them instead).
     */
    Optional<Ready> fetch(SyncApi api, Map<Integer, Long> held, long cursor, Consumer<SyncProgress> progress) throws IOException {
        Files.createDirectories(folder);
        Optional<Kept> kept = kept().filter(k -> fits(k, held, cursor));
        if (kept.isEmpty()) {
            discard();
        }
        boolean askedAnew = false;
        while (true) {
            Kept current;
            if (kept.isPresent()) {
                current = kept.get();
            } else {
                progress.accept(new SyncProgress(SyncProgress.Stage.PREPARING, 0, 0, null));
                Optional<SyncApi.SpooledSnapshot> spooled = api.spoolSnapshot(held);
                if (spooled.isEmpty()) {
                    return Optional.empty();
                }
                current = new Kept(spooled.get(), new TreeMap<>(held));
                keep(current);
                askedAnew = true;
            }
            if (download(api, current.spooled(), progress)) {
                Path file = folder.resolve(BYTES);
                if (!sha256(file).equals(current.spooled().sha256())) {
                    discard();
                    throw new IOException("the downloaded snapshot " + current.spooled().id() + " is not what the server wrote "
                            + "(its SHA-256 differs): it is downloaded again");
                }
                return Optional.of(new Ready(current.spooled(), file));
            }
            discard();
            if (askedAnew) {
                throw new IOException("the server lost the snapshot " + current.spooled().id() + " it had just written");
            }
            log.atInfo().setMessage("sync.snapshot.gone").addKeyValue("id", current.spooled().id()).log();
            kept = Optional.empty();
        }
    }

    /** Opens a verified file to install from. */
    SyncApi.Snapshot open(Ready ready) throws IOException {
        InputStream in = new GZIPInputStream(Files.newInputStream(ready.file()), 1 << 16);
        return SnapshotJson.open(in, in, codec);
    }

    /** Forgets the snapshot downloaded or begun: once installed, or when it no longer fits. */
    public void discard() throws IOException {
        Files.deleteIfExists(folder.resolve(STATE));
        Files.deleteIfExists(folder.resolve(BYTES));
    }

    /**
     * Brings the file to the snapshot's length from where it stopped; false when the server no longer keeps it. A
     * cut connection fails with the {@link IOException}; what came before the cut stays in the file.
     */
    private boolean download(SyncApi api, SyncApi.SpooledSnapshot spooled, Consumer<SyncProgress> progress) throws IOException {
        Path file = folder.resolve(BYTES);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long have = out.size();
            if (have > spooled.length()) {
                out.truncate(0);
                have = 0;
            }
            if (have == spooled.length()) {
                return true;
            }
            Optional<SyncApi.SnapshotBytes> answer = api.snapshotBytes(spooled.id(), have);
            if (answer.isEmpty()) {
                return false;
            }
            try (SyncApi.SnapshotBytes bytes = answer.get()) {
                long at = bytes.start();
                out.truncate(at);
                out.position(at);
                long startedAt = at;
                Instant started = clock.instant();
                long every = reportEvery(spooled.length());
                long reported = at;
                progress.accept(SyncProgress.of(SyncProgress.Stage.DOWNLOADING, at, spooled.length(), startedAt, Duration.ZERO));
                InputStream in = bytes.body();
                byte[] buffer = new byte[1 << 16];
                int read;
                while (at < spooled.length() && (read = in.read(buffer)) != -1) {
                    int length = (int) Math.min(read, spooled.length() - at);
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, length);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                    at += length;
                    if (at - reported >= every || at == spooled.length()) {
                        reported = at;
                        progress.accept(SyncProgress.of(SyncProgress.Stage.DOWNLOADING, at, spooled.length(), startedAt,
                                Duration.between(started, clock.instant())));
                    }
                }
                out.force(false);
                if (at < spooled.length()) {
                    throw new IOException("the snapshot's download ended at byte " + at + " of " + spooled.length());
                }
                return true;
            }
        }
    }

    /** What the till asked for before, kept while the snapshot downloads. */
    private record Kept(SyncApi.SpooledSnapshot spooled, Map<Integer, Long> held) {
    }

    /**
     * A snapshot asked for before still fits when it is ahead of the pull cursor (not installed already) and the till
     * still holds all it held then: its own events are not in the snapshot's sums, so they must still be in the ledger.
     */
    private static boolean fits(Kept kept, Map<Integer, Long> held, long cursor) {
        return kept.spooled().next() > cursor
                && kept.held().entrySet().stream().allMatch(e -> held.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    private Optional<Kept> kept() throws IOException {
        Path state = folder.resolve(STATE);
        if (!Files.exists(state)) {
            return Optional.empty();
        }
        try {
            JsonNode json = codec.mapper().readTree(state.toFile());
            SyncApi.SpooledSnapshot spooled = codec.mapper().treeToValue(json.get("spooled"), SyncApi.SpooledSnapshot.class);
            Map<Integer, Long> held = new TreeMap<>();
            json.get("held").properties().forEach(e -> held.put(Integer.parseInt(e.getKey()), e.getValue().asLong()));
            return Optional.of(new Kept(spooled, held));
        } catch (IOException | RuntimeException e) {
            log.atWarn().setMessage("sync.snapshot.stateUnreadable").addKeyValue("cause", e.toString()).log();
            return Optional.empty();
        }
    }

    /** Writes what was asked for whole or not at all: a till switched off meanwhile finds the old state or the new. */
    private void keep(Kept kept) throws IOException {
        ObjectNode json = codec.mapper().createObjectNode();
        json.set("spooled", codec.mapper().valueToTree(kept.spooled()));
        ObjectNode held = json.putObject("held");
        kept.held().forEach((epoch, seq) -> held.put(Integer.toString(epoch), seq));
        Files.deleteIfExists(folder.resolve(BYTES));
        Path partial = folder.resolve(STATE + ".partial");
        Files.write(partial, codec.mapper().writeValueAsBytes(json));
        Files.move(partial, folder.resolve(STATE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) != -1) {
                sha.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
