package io.chainpos.till.staff;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2-HMAC-SHA256 hashes of staff PINs, as {@code pbkdf2-sha256$iterations$salt$hash}. The JDK's
 * own PBKDF2 is enough here: a PIN is checked at the counter a few times a shift, and the hash travels in
 * the ledger so a PIN in clear is never stored or synced. (A 4-6 digit PIN is guessable from its hash by
 * brute force whatever the hash; the hash keeps it out of sight, the ledger's access control does the rest.)
 */
public final class PinHasher {
    static final int ITERATIONS = 20_000;
    private static final String PREFIX = "pbkdf2-sha256";

    private final SecureRandom random;

    public PinHasher(SecureRandom random) {
        this.random = random;
    }

    public String hash(String pin) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return PREFIX + "$" + ITERATIONS + "$" + b64(salt) + "$" + b64(derive(pin, salt, ITERATIONS));
    }

    public static boolean matches(String pin, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return false;
        }
        byte[] salt = Base64.getUrlDecoder().decode(parts[2]);
        byte[] expected = Base64.getUrlDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(pin, salt, Integer.parseInt(parts[1])));
    }

    private static byte[] derive(String pin, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is part of every JDK", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
