package io.chainpos.till.device.printer;

import java.nio.charset.Charset;
import java.util.Locale;

/**
 * How text is encoded for the printer, always selected explicitly at the start of a document (a printer keeps
 * whatever the last job or its DIP switches chose). Chinese printers take GB18030 in their Chinese character
 * mode (FS &amp;), where every non-ASCII character prints full width, two columns. A Western printer takes
 * code page 437, where anything it lacks prints as '?'.
 */
public enum CodePage {
    GB18030("GB18030") {
        @Override
        public int columns(int codePoint) {
            return codePoint < 0x80 ? 1 : 2;
        }

        @Override
        byte[] select() {
            return EscPosCommands.CHINESE_MODE_ON;
        }
    },
    CP437("IBM437") {
        @Override
        public int columns(int codePoint) {
            return 1;
        }

        @Override
        byte[] select() {
            return EscPosCommands.concat(EscPosCommands.CHINESE_MODE_OFF, EscPosCommands.codeTable(0));
        }
    };

    private final String charsetName;

    CodePage(String charsetName) {
        this.charsetName = charsetName;
    }

    /** The columns one character takes on paper. */
    public abstract int columns(int codePoint);

    /** The commands that put the printer into this code page. */
    abstract byte[] select();

    public Charset charset() {
        return Charset.forName(charsetName);
    }

    String charsetName() {
        return charsetName;
    }

    /** The columns a text takes on paper. */
    public int columns(String text) {
        return text.codePoints().map(this::columns).sum();
    }

    public static CodePage ofName(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "gb18030", "gbk" -> GB18030;
            case "cp437", "pc437" -> CP437;
            default -> throw new IllegalArgumentException("the printer code page is gb18030 or cp437, not '" + name + "'");
        };
    }
}
