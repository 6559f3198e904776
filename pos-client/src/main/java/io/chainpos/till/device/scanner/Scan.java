package io.chainpos.till.device.scanner;

import java.util.Objects;

/** One code read by a scanner: a product barcode, a member QR code, a receipt number. */
public record Scan(String code, Source source) {

    public enum Source { KEYBOARD_WEDGE, SERIAL }

    public Scan {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(source, "source");
        if (code.isBlank()) {
            throw new IllegalArgumentException("a scan carries a code");
        }
    }
}
