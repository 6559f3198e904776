package io.chainpos.till.device.printer;

import java.util.ArrayList;
import java.util.List;

/**
 * Text measured in printer columns rather than characters: on a Chinese printer 可口可乐 takes eight columns,
 * not four. Used for receipts and for the customer display.
 */
public final class TextColumns {
    private TextColumns() {
    }

    /** The longest start of {@code text} that fits {@code columns}, never cutting a character in half. */
    public static String truncate(String text, int columns, CodePage codePage) {
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int cp : text.codePoints().toArray()) {
            int width = codePage.columns(cp);
            if (used + width > columns) {
                break;
            }
            out.appendCodePoint(cp);
            used += width;
        }
        return out.toString();
    }

    /** {@code text} followed by spaces to exactly {@code columns} (truncated first if longer). */
    public static String padRight(String text, int columns, CodePage codePage) {
        String fitted = truncate(text, columns, codePage);
        return fitted + " ".repeat(columns - codePage.columns(fitted));
    }

    /** {@code left} and {@code right} on one line of exactly {@code columns}, {@code right} flush right. */
    public static String spread(String left, String right, int columns, CodePage codePage) {
        String fittedRight = truncate(right, columns, codePage);
        int room = columns - codePage.columns(fittedRight);
        String fittedLeft = truncate(left, Math.max(0, room - (fittedRight.isEmpty() ? 0 : 1)), codePage);
        return fittedLeft + " ".repeat(room - codePage.columns(fittedLeft)) + fittedRight;
    }

    /**
     * {@code text} broken into lines of at most {@code columns}: at the last space when a Latin word would be
     * cut, anywhere between Chinese characters (which have no spaces between them).
     */
    public static List<String> wrap(String text, int columns, CodePage codePage) {
        if (columns < 2) {
            throw new IllegalArgumentException("too narrow to wrap text: " + columns);
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int used = 0;
        for (int cp : text.strip().codePoints().toArray()) {
            int width = codePage.columns(cp);
            if (used + width > columns) {
                int space = line.lastIndexOf(" ");
                String carried = cp != ' ' && space > 0 ? line.substring(space + 1) : "";
                if (codePage.columns(carried) + width > columns) {
                    carried = "";
                    space = -1;
                }
                lines.add((space > 0 && !carried.isEmpty() ? line.substring(0, space) : line.toString()).stripTrailing());
                line.setLength(0);
                line.append(carried);
                used = codePage.columns(carried);
                if (cp == ' ') {
                    continue;
                }
            }
            line.appendCodePoint(cp);
            used += width;
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
