package io.chainpos.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Mints device and session tokens (32 random bytes) and one-time enrollment codes, and hashes them for
 * storage. Enrollment codes use Crockford's base32 so they survive being read aloud or typed at a till.
 */
public final class Secrets {
    private static final int TOKEN_BYTES = 32;
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int CODE_CHARS = 16;

    private final RandomGenerator random;

    /** {@code random} must be a cryptographically strong generator outside tests. */
    public Secrets(RandomGenerator random) {
        this.random = random;
    }

    public String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** 16 base32 characters (80 bits) in groups of four: {@code 7K3M-Q9TX-...}. */
    public String newEnrollmentCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < CODE_CHARS; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CROCKFORD.charAt(random.nextInt(CROCKFORD.length())));
        }
        return code.toString();
    }

    /** The code as typed, reduced to its characters: case, dashes, spaces and look-alike letters do not matter. */
    public static String normalizeCode(String typed) {
        StringBuilder code = new StringBuilder();
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '-', ' ' -> { }
                case 'O' -> code.append('0');
                case 'I', 'L' -> code.append('1');
                default -> code.append(c);
            }
        }
        return code.toString();
    }

    public static String sha256(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
