package io.chainpos.model.member;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.chainpos.model.id.MemberId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One member's own data key (AES-256, used with GCM and a fresh 96-bit nonce per value). It never goes into
 * an event: it travels beside them (till to server, server to tills) and lives in a {@code member_keys} table
 * on each node, so erasure can destroy it. The member id is bound in as associated data, so a value sealed
 * for one member cannot be passed off as another's.
 */
public record MemberKey(MemberId memberId, String key) {
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @JsonCreator
    public MemberKey(@JsonProperty("memberId") MemberId memberId, @JsonProperty("key") String key) {
        this.memberId = Objects.requireNonNull(memberId, "memberId");
        this.key = Objects.requireNonNull(key, "key");
        if (bytes().length != KEY_BYTES) {
            throw new IllegalArgumentException("a member key is " + KEY_BYTES + " bytes in base64");
        }
    }

    public static MemberKey generate(MemberId memberId) {
        byte[] raw = new byte[KEY_BYTES];
        RANDOM.nextBytes(raw);
        return new MemberKey(memberId, Base64.getEncoder().encodeToString(raw));
    }

    /** Null in, null out: an absent field stays absent. */
    public Sealed seal(String plain) {
        if (plain == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return seal(plain, nonce);
    }

    /** Sealed with this nonce: for the published test vectors only; a nonce is never reused under one key. */
    Sealed seal(String plain, byte[] nonce) {
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("a nonce is " + NONCE_BYTES + " bytes");
        }
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return new Sealed(Sealed.PREFIX + Base64.getEncoder().withoutPadding().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JDK", e);
        }
    }

    /** The plain value, or empty when {@code sealed} is null or was not sealed with this key for this member. */
    public Optional<String> open(Sealed sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.text().substring(Sealed.PREFIX.length()));
            if (all.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(all, NONCE_BYTES));
            byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = AesGcm.init(mode, new SecretKeySpec(bytes(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(memberId.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    private byte[] bytes() {
        return Base64.getDecoder().decode(key);
    }

    @Override
    public String toString() {
        return "MemberKey[" + memberId + "]";
    }
}
