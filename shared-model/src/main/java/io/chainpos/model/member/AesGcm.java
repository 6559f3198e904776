package io.chainpos.model.member;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.Key;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The AES-GCM cipher a thread reuses, initialised afresh (key, nonce) for each value it seals or opens. Looking a
 * cipher up costs more than sealing a key or a phone number: a new till wraps every member's key of the chain, the
 * server opens a thousand keys a request, and every member shown at the counter is opened.
 */
public final class AesGcm {
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(AesGcm::fresh);

    private AesGcm() {
    }

    /**
     * This thread's cipher, initialised for {@code mode} with {@code key} and {@code nonce}; the caller adds its
     * associated data and finishes. A cipher refuses to seal twice in a row under one key and nonce (a published test
     * vector does so): a fresh one is taken then, as every call took before ciphers were reused.
     */
    public static Cipher init(int mode, Key key, GCMParameterSpec nonce) throws GeneralSecurityException {
        Cipher cipher = CIPHER.get();
        try {
            cipher.init(mode, key, nonce);
        } catch (InvalidAlgorithmParameterException sameKeyAndNonceAgain) {
            cipher = fresh();
            CIPHER.set(cipher);
            cipher.init(mode, key, nonce);
        }
        return cipher;
    }

    private static Cipher fresh() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JDK", e);
        }
    }
}
