package io.chainpos.till.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The till's key-encryption key: 32 random bytes (base64) in a file outside the ledger's folder, owner-only,
 * created at the first start. It wraps the members' data keys kept in the ledger, so a copy of the ledger (a backup,
 * a stolen disk image of the data folder) without this file opens nobody's personal data. Lost, the till fetches the
 * keys it handed over from the server again; keys of members registered offline and never handed over are lost with it.
 */
public final class KeyFile {
    private KeyFile() {
    }

    /** {@code ~/.chainpos/keys/till.kek}: beside, not inside, the default data folder {@code ~/.chainpos/till}. */
    public static Path defaultPath(Path userHome) {
        return userHome.resolve(".chainpos").resolve("keys").resolve("till.kek");
    }

    /** The key in {@code file}, made (owner-only) when there is none. */
    public static byte[] openOrCreate(Path file, SecureRandom random) throws IOException {
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            OwnerOnly.createFile(file.toAbsolutePath());
            try {
                Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                        StandardOpenOption.TRUNCATE_EXISTING);
            } catch (FileAlreadyExistsException e) {
                throw new IOException("the key file appeared while it was being made: " + file, e);
            }
            return key;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a till key file (base64 of 32 bytes)", e);
        }
        if (key.length != 32) {
            throw new IOException(file + " is not a till key file (base64 of 32 bytes, not " + key.length + ")");
        }
        return key;
    }
}
