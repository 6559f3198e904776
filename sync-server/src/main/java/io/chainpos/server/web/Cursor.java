package io.chainpos.server.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Where the next page of a list starts: the last row's sort value and key, opaque in the URL ({@code after=}). */
public record Cursor(String sortValue, String key) {
    private static final char SEPARATOR = '\u001f';

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((sortValue + SEPARATOR + key).getBytes(StandardCharsets.UTF_8));
    }

    /** Empty for no cursor or one that was not made here (a typed URL): the list starts at the top. */
    public static Optional<Cursor> decode(String text) {
        if (text == null || text.isBlank() || text.length() > 1_000) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int at = decoded.indexOf(SEPARATOR);
            return at < 0 ? Optional.empty() : Optional.of(new Cursor(decoded.substring(0, at), decoded.substring(at + 1)));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
