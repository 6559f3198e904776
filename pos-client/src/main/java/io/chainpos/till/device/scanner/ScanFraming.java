package io.chainpos.till.device.scanner;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a serial scanner's byte stream into codes at the suffix, however the bytes arrive (a code split over
 * two reads, two codes in one). Control characters left by a scanner that sends more than its suffix (CR LF
 * when set to CR) are dropped; a runaway line with no suffix is thrown away up to the next suffix rather than
 * kept for ever or glued to the next code.
 */
final class ScanFraming {
    private static final int LONGEST_CODE = 4096;

    private final byte[] suffix;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private int matched;
    private boolean discarding;

    ScanFraming(ScanSuffix suffix) {
        this.suffix = suffix.bytes();
    }

    /** The codes completed by these bytes, in order. */
    List<String> accept(byte[] bytes, int length) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            matched = b == suffix[matched] ? matched + 1 : b == suffix[0] ? 1 : 0;
            if (matched == suffix.length) {
                matched = 0;
                byte[] line = pending.toByteArray();
                pending.reset();
                if (!discarding) {
                    String code = clean(new String(line, 0, line.length - (suffix.length - 1), StandardCharsets.UTF_8));
                    if (!code.isEmpty()) {
                        codes.add(code);
                    }
                }
                discarding = false;
            } else if (pending.size() >= LONGEST_CODE) {
                pending.reset();
                discarding = true;
            } else {
                pending.write(b);
            }
        }
        return codes;
    }

    private static String clean(String text) {
        return text.codePoints().filter(cp -> !Character.isISOControl(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().strip();
    }
}
