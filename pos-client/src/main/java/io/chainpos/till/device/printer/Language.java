package io.chainpos.till.device.printer;

import java.util.Locale;

/** The language receipts and the customer display speak. Product names print as sold, whatever this is. */
public enum Language {
    ZH("zh"),
    EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Language ofCode(String code) {
        for (Language language : values()) {
            if (language.code.equals(code.strip().toLowerCase(Locale.ROOT))) {
                return language;
            }
        }
        throw new IllegalArgumentException("the language is zh or en, not '" + code + "'");
    }
}
