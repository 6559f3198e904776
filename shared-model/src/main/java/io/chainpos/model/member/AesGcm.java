package io.chainpos.model.member;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;

/**
 * The AES-GCM cipher a thread reuses, initialised afresh (key, nonce, associated data) for each value it seals or
 * opens. Looking a cipher up costs more than sealing a key or a phone number: a new till wraps every member's key of
 * the chain, the server opens a thousand keys a request, and every member shown at the counter is opened.
 */
public final class AesGcm {
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JDK", e);
        }
    });

    private AesGcm() {
    }

    /** This thread's cipher; call {@code init} before using it, every time. */
    public static Cipher cipher() {
        return CIPHER.get();
    }
}
