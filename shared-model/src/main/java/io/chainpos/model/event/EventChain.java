package io.chainpos.model.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain over a till's events in one epoch (docs/protocol.md, "Event chain"): each event's
 * {@code prevHash} is the SHA-256 of the event before it, in canonical JSON, so an event taken out of a till's
 * ledger or changed there breaks the chain at the next one. The first event of an epoch carries {@link #GENESIS}.
 */
public final class EventChain {
    /** The {@code prevHash} of an epoch's first event: it has no event before it. */
    public static final String GENESIS = "0".repeat(64);
    /** How many hex digits of a hash a printed slip or a page shows: enough to match by eye, short enough to read. */
    public static final int SHORT = 12;

    private EventChain() {
    }

    /**
     * The hash of one event: lowercase hex SHA-256 of the UTF-8 bytes of its canonical JSON (the whole envelope as
     * pushed, its own {@code prevHash} included). {@code canonicalJson} comes from {@code EventCodec.canonical}.
     */
    public static String hashOf(String canonicalJson) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonicalJson.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The first {@link #SHORT} hex digits, as a Z report prints them. */
    public static String shortHash(String hash) {
        return hash.substring(0, Math.min(SHORT, hash.length()));
    }

    /** True for 64 lowercase hex digits: what a {@code prevHash} must be. */
    public static boolean isHash(String text) {
        if (text.length() != 64) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
