package io.chainpos.server.db;

import io.chainpos.model.member.AesGcm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key-encryption keys that wrap the secrets this database keeps at rest (members' data keys, the chain's
 * phone-lookup secret), so a copy of the database, a backup or a dump without the key file reveals no member's
 * personal data. The keys live in a file outside the database, one per line, {@code <id> <base64 of 32 bytes>};
 * the last line wraps what is written now, every line still opens what it wrapped. A wrapped value is
 * {@code kek:<id>:<base64 of nonce, ciphertext and tag>} (AES-256-GCM), bound to the row it belongs to, so it cannot
 * be moved to another. A value without the prefix was written before a key file was given and is read as it is
 * until {@code sync-server kek rewrap} wraps it.
 *
 * <p>The file is read again when it changes, so a key added or retired reaches a running server without a restart:
 * add a key (it becomes the one that wraps), run {@code kek rewrap} while serving, then remove the old line.
 */
public final class KeyRing {
    /** How a wrapped value begins. */
    public static final String PREFIX = "kek:";
    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyRing NONE = new KeyRing(null, new Keys(Map.of(), null, null, -1));

    /** A key file that cannot be used: missing, unreadable, or a line that is not {@code <id> <base64 of 32 bytes>}. */
    public static final class BadKeyFile extends RuntimeException {
        BadKeyFile(String message) {
            super(message, null, false, false);
        }
    }

    /** A wrapped value whose key is not in the file (retired too early, or a database copied without its key file). */
    public static final class KeyUnavailable extends RuntimeException {
        KeyUnavailable(String id) {
            super("the key-encryption key '" + id + "' is not in the key file", null, false, false);
        }
    }

    private record Keys(Map<String, SecretKeySpec> byId, String current, FileTime modified, long size) {
    }

    private final Path file;
    private volatile Keys keys;

    private KeyRing(Path file, Keys keys) {
        this.file = file;
        this.keys = keys;
    }

    /** No key file: secrets are kept as they are (a demo, or a server not yet given one; it says so at start). */
    public static KeyRing none() {
        return NONE;
    }

    /**
     * The keys in {@code file}.
     *
     * @throws BadKeyFile when the file is missing, empty or has a line that is not a key
     */
    public static KeyRing fromFile(Path file) {
        KeyRing ring = new KeyRing(file, read(file));
        ring.warnIfOthersCanRead();
        return ring;
    }

    /** True when secrets are wrapped; false for {@link #none()}. */
    public boolean wraps() {
        return file != null;
    }

    /** The id of the key that wraps now, or empty without a key file. */
    public Optional<String> currentId() {
        return Optional.ofNullable(fresh().current());
    }

    /** {@code secret} wrapped for the row {@code row} names (e.g. {@code member/<id>}); as it is without a key file. */
    public String wrap(String row, String secret) {
        Keys now = fresh();
        if (now.current() == null) {
            return secret;
        }
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher gcm = AesGcm.init(Cipher.ENCRYPT_MODE, now.byId().get(now.current()),
                    new GCMParameterSpec(TAG_BITS, nonce));
            gcm.updateAAD(row.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = gcm.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return PREFIX + now.current() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JDK", e);
        }
    }

    /**
     * The secret {@code stored} for the row {@code row}: opened when wrapped, as it is when written before a key
     * file was given.
     *
     * @throws KeyUnavailable when the key that wrapped it is not in the file
     * @throws IllegalArgumentException when the wrapped value does not open for this row (altered, or moved from another)
     */
    public String unwrap(String row, String stored) {
        if (!stored.startsWith(PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new IllegalArgumentException("a wrapped value is kek:<id>:<base64>");
        }
        String id = stored.substring(PREFIX.length(), colon);
        SecretKeySpec key = fresh().byId().get(id);
        if (key == null) {
            key = reload().byId().get(id);
            if (key == null) {
                throw new KeyUnavailable(id);
            }
        }
        byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
        if (in.length <= NONCE) {
            throw new IllegalArgumentException("a wrapped value too short to hold a secret");
        }
        try {
            Cipher gcm = AesGcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE));
            gcm.updateAAD(row.getBytes(StandardCharsets.UTF_8));
            return new String(gcm.doFinal(in, NONCE, in.length - NONCE), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("the wrapped value for " + row + " does not open: altered, or not this row's", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JDK", e);
        }
    }

    /** True when {@code stored} is wrapped by the key that wraps now: nothing for {@code kek rewrap} to do. */
    public boolean isCurrent(String stored) {
        String current = fresh().current();
        return current == null ? !stored.startsWith(PREFIX) : stored.startsWith(PREFIX + current + ":");
    }

    /**
     * Adds a new random key at the end of {@code file} (creating it, owner-only), so it wraps from now on.
     *
     * @return the new key's id
     */
    public static String addKey(Path file, String id) {
        if (!ID.matcher(id).matches()) {
            throw new BadKeyFile("a key id is 1-32 letters, digits, '.', '_' or '-': " + id);
        }
        try {
            List<String> lines = new ArrayList<>();
            if (Files.exists(file)) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
                if (lines.stream().map(String::strip).anyMatch(line -> line.split("\\s+")[0].equals(id))) {
                    throw new BadKeyFile("the key file already has a key '" + id + "'");
                }
            } else {
                lines.add("# chainpos key-encryption keys: <id> <base64 of 32 bytes>; the last key wraps, every key opens");
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.createFile(file);
                ownerOnly(file);
            }
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            lines.add(id + " " + Base64.getEncoder().encodeToString(raw));
            Path next = file.resolveSibling(file.getFileName() + ".new");
            Files.write(next, lines, StandardCharsets.UTF_8);
            ownerOnly(next);
            Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return id;
        } catch (IOException e) {
            throw new BadKeyFile("cannot write the key file " + file + ": " + e.getMessage());
        }
    }

    private Keys fresh() {
        Keys now = keys;
        if (file == null) {
            return now;
        }
        try {
            if (!Files.getLastModifiedTime(file).equals(now.modified()) || Files.size(file) != now.size()) {
                return reload();
            }
        } catch (IOException e) {
            log.atError().setMessage("keyring.unreadable").addKeyValue("file", file).addKeyValue("reason", e.getMessage()).log();
        }
        return now;
    }

    private synchronized Keys reload() {
        if (file == null) {
            return keys;
        }
        try {
            Keys read = read(file);
            if (!read.byId().keySet().equals(keys.byId().keySet()) || !java.util.Objects.equals(read.current(), keys.current())) {
                log.atInfo().setMessage("keyring.reloaded").addKeyValue("keys", read.byId().keySet())
                        .addKeyValue("wrapsWith", read.current()).log();
            }
            keys = read;
        } catch (BadKeyFile e) {
            // A half-edited file keeps the keys last read: a server does not stop opening secrets over a typo.
            log.atError().setMessage("keyring.badFile").addKeyValue("file", file).addKeyValue("reason", e.getMessage()).log();
        }
        return keys;
    }

    private static Keys read(Path file) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            Map<String, SecretKeySpec> byId = new LinkedHashMap<>();
            String current = null;
            int number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] parts = text.split("\\s+");
                if (parts.length != 2 || !ID.matcher(parts[0]).matches()) {
                    throw new BadKeyFile(file + " line " + number + ": expected '<id> <base64 of 32 bytes>'");
                }
                byte[] raw;
                try {
                    raw = Base64.getDecoder().decode(parts[1]);
                } catch (IllegalArgumentException e) {
                    throw new BadKeyFile(file + " line " + number + ": the key is not base64");
                }
                if (raw.length != 32) {
                    throw new BadKeyFile(file + " line " + number + ": a key is 32 bytes, this one is " + raw.length);
                }
                if (byId.put(parts[0], new SecretKeySpec(raw, "AES")) != null) {
                    throw new BadKeyFile(file + " line " + number + ": the id '" + parts[0] + "' is there twice");
                }
                current = parts[0];
            }
            if (current == null) {
                throw new BadKeyFile(file + " holds no key; make one with: sync-server kek add --kek-file " + file);
            }
            return new Keys(Map.copyOf(byId), current, modified, size);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BadKeyFile("no key file at " + file + "; make one with: sync-server kek add --kek-file " + file);
        } catch (IOException e) {
            throw new BadKeyFile("cannot read the key file " + file + ": " + e.getMessage());
        }
    }

    private void warnIfOthersCanRead() {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                log.atWarn().setMessage("keyring.readableByOthers").addKeyValue("file", file)
                        .addKeyValue("fix", "chmod 600 " + file).log();
            }
        } catch (UnsupportedOperationException | IOException notPosix) {
            // Windows: the folder's access list protects the file (README, Security).
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's access list protects the file.
        }
    }
}
