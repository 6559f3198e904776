package io.chainpos.till.device.scanner;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** What a serial scanner sends after each code, as set in the scanner (most send CR). */
public enum ScanSuffix {
    CR("\r"), LF("\n"), CRLF("\r\n"), TAB("\t");

    private final byte[] bytes;

    ScanSuffix(String text) {
        this.bytes = text.getBytes(StandardCharsets.US_ASCII);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    public static ScanSuffix ofName(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the scanner suffix is cr, lf, crlf or tab, not '" + name + "'", e);
        }
    }
}
