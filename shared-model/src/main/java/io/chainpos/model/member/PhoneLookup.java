package io.chainpos.model.member;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Finds a member by phone without keeping the phone readable: HMAC-SHA256 of the normalised number under the
 * chain's lookup secret, which head office creates once and hands each till at enrollment. Without the secret a
 * hash cannot be matched to a number by trying every mobile number.
 */
public final class PhoneLookup {
    private final byte[] secret;

    public PhoneLookup(String base64Secret) {
        this.secret = Base64.getDecoder().decode(Objects.requireNonNull(base64Secret, "lookup secret"));
        if (secret.length < 16) {
            throw new IllegalArgumentException("the phone lookup secret is at least 16 bytes");
        }
    }

    /** The lookup hash of a phone as {@link Phones#normalize} gives it. */
    public String hash(String normalizedPhone) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(normalizedPhone.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }

    /** The secret in base64, to store or hand to a till. */
    public String secret() {
        return java.util.Base64.getEncoder().encodeToString(secret);
    }

    @Override
    public String toString() {
        return "PhoneLookup[secret hidden]";
    }
}
