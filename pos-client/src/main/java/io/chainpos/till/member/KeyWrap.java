package io.chainpos.till.member;

import io.chainpos.model.member.AesGcm;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Wraps the secrets kept in the ledger (members' data keys, the phone-lookup secret) with the till's key-encryption
 * key, AES-256-GCM with the row's name as associated data, as {@code kek1:<base64 nonce ‖ ciphertext ‖ tag>}. The
 * key-encryption key lives in a file outside the ledger's folder, so a copied ledger opens no member's data.
 */
public final class KeyWrap implements io.chainpos.till.ledger.SecretWrap {
    static final String PREFIX = WRAPPED;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec kek;
    private final SecureRandom random;

    private KeyWrap(byte[] kek, SecureRandom random) {
        this.kek = kek == null ? null : new SecretKeySpec(kek, "AES");
        this.random = random;
    }

    /** Wraps with {@code kek} (32 bytes, from the key file). */
    public static KeyWrap with(byte[] kek, SecureRandom random) {
        if (kek.length != 32) {
            throw new IllegalArgumentException("a key-encryption key is 32 bytes, not " + kek.length);
        }
        return new KeyWrap(kek.clone(), random);
    }

    /**
     * Keeps secrets as they are: for tests and benchmarks that open a ledger without a key file. The till itself always
     * runs with a key file, and wraps at start whatever such a run left unwrapped.
     */
    public static KeyWrap none() {
        return new KeyWrap(null, null);
    }

    @Override
    public String wrap(String name, String secret) {
        if (kek == null) {
            return secret;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = AesGcm.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has AES-GCM", e);
        }
    }

    /** The secret, or empty when it was wrapped by another key-encryption key (a ledger copied without its key file). */
    @Override
    public Optional<String> unwrap(String name, String stored) {
        if (!isWrapped(stored)) {
            return Optional.of(stored);
        }
        if (kek == null) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = AesGcm.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            return Optional.of(new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8));
        } catch (AEADBadTagException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has AES-GCM", e);
        }
    }

    boolean wraps() {
        return kek != null;
    }

    static boolean isWrapped(String stored) {
        return stored.startsWith(PREFIX);
    }
}
