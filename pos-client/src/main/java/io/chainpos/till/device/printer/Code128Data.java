package io.chainpos.till.device.printer;

/**
 * The data of a CODE128 barcode as an ESC/POS printer takes it (GS k 73): code set B for text, switching to code
 * set C (two digits a symbol, sent as one byte 0-99) for a long run of digits. The receipt number
 * S001-T1-1-000042 takes 14 symbols instead of 16, which is what lets it fit 58 mm paper at two dots a module.
 */
final class Code128Data {
    private final StringBuilder data = new StringBuilder();
    private int symbols;
    private char codeSet;

    private Code128Data() {
    }

    /** {@code data} for the printer and the number of symbols between the start and check symbols. */
    record Encoded(String data, int symbols) {
        /** Modules wide: start (11), 11 a symbol, check (11) and stop (13). */
        int modules() {
            return 11 * (symbols + 2) + 13;
        }
    }

    static Encoded encode(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= 32 && c <= 126)) {
            throw new IllegalArgumentException("CODE128 code set B carries printable ASCII only: '" + text + "'");
        }
        Code128Data encoder = new Code128Data();
        int i = 0;
        while (i < text.length()) {
            int run = digitRun(text, i);
            boolean edge = i == 0 || i + run == text.length();
            if (run >= (edge ? 4 : 6)) {
                if (run % 2 == 1) {
                    encoder.textSymbol(text.charAt(i));
                    i++;
                    run--;
                }
                encoder.switchTo('C');
                for (int end = i + run; i < end; i += 2) {
                    encoder.data.append((char) Integer.parseInt(text.substring(i, i + 2)));
                    encoder.symbols++;
                }
            } else {
                encoder.textSymbol(text.charAt(i));
                i++;
            }
        }
        return new Encoded(encoder.data.toString(), encoder.symbols);
    }

    private void textSymbol(char c) {
        switchTo('B');
        data.append(c == '{' ? "{{" : String.valueOf(c));
        symbols++;
    }

    private void switchTo(char target) {
        if (codeSet == target) {
            return;
        }
        data.append('{').append(target);
        if (codeSet != 0) {
            symbols++;
        }
        codeSet = target;
    }

    private static int digitRun(String text, int from) {
        int end = from;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end - from;
    }
}
