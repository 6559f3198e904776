package io.chainpos.till.device.scanner;

/**
 * Tells a keyboard-wedge scanner's typing from a person's, by timing alone. Every character that could be part
 * of a code is held back from the focused control; when the characters came fast enough and end in Enter, they
 * are one scan and the control never sees them. When a gap is too long, a key that is no part of a code comes,
 * or Enter ends too short a burst, the held characters were a person typing and are released, in order.
 * Plain Java fed with timestamps, so the rule is tested without a screen; {@link FxKeyboardWedge} feeds it.
 */
public final class KeyboardWedgeDetector {

    /**
     * What the caller does with the key just fed: first deliver the characters released so far (if any) to
     * the focused control, then either swallow the key ({@code consume}) or let it through. {@code scan} is
     * the code when this key (Enter) completed one.
     */
    public record Outcome(String release, boolean consume, String scan) {
        static final Outcome PASS = new Outcome("", false, null);

        public boolean releases() {
            return !release.isEmpty();
        }
    }

    private final long maxGapNanos;
    private final int minLength;
    private final StringBuilder held = new StringBuilder();
    private long lastAt;

    public KeyboardWedgeDetector(WedgeTiming timing) {
        this.maxGapNanos = timing.maxGap().toNanos();
        this.minLength = timing.minLength();
    }

    /** True for the characters barcodes and QR codes are made of: printable ASCII, no space. */
    public static boolean couldBeScanned(char c) {
        return c > ' ' && c < 0x7F;
    }

    /** A character was typed at {@code atNanos}; it is held (consumed) for now. */
    public Outcome typed(char c, long atNanos) {
        if (!couldBeScanned(c)) {
            return new Outcome(releaseAll(), false, null);
        }
        String released = !held.isEmpty() && atNanos - lastAt > maxGapNanos ? releaseAll() : "";
        held.append(c);
        lastAt = atNanos;
        return new Outcome(released, true, null);
    }

    /** Enter was pressed at {@code atNanos}: the end of a scan, or a person's Enter. */
    public Outcome enter(long atNanos) {
        if (held.length() >= minLength && atNanos - lastAt <= maxGapNanos) {
            String code = held.toString();
            held.setLength(0);
            return new Outcome("", true, code);
        }
        return new Outcome(releaseAll(), false, null);
    }

    /** Some other key (Backspace, Tab, an arrow, a shortcut): what was held was typed by a person. */
    public Outcome otherKey() {
        return new Outcome(releaseAll(), false, null);
    }

    /**
     * Time passed with no key: when the last held character is older than the gap a scanner leaves, the held
     * characters are released. Called by a timer; returns {@link Outcome#PASS}-like nothing otherwise.
     */
    public Outcome idle(long nowNanos) {
        if (!held.isEmpty() && nowNanos - lastAt > maxGapNanos) {
            return new Outcome(releaseAll(), false, null);
        }
        return Outcome.PASS;
    }

    /** True while characters are held back, waiting to see whether they are a scan. */
    public boolean holding() {
        return !held.isEmpty();
    }

    private String releaseAll() {
        String released = held.toString();
        held.setLength(0);
        return released;
    }
}
