package io.chainpos.server.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages of head office's pages, chosen by the browser's Accept-Language or by the person (a cookie). */
public enum Language {
    ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE),
    EN("en", Locale.UK);

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** {@code zh-CN} or {@code en}: the cookie's value and the page's {@code lang}. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    public static Optional<Language> ofTag(String tag) {
        for (Language language : values()) {
            if (language.tag.equalsIgnoreCase(tag == null ? "" : tag.trim())) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** The person's choice when there is one, else the first of the browser's languages we have, else English. */
    public static Language choose(String remembered, String acceptLanguage) {
        Optional<Language> chosen = ofTag(remembered);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return EN;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return EN;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String wanted = range.getRange().toLowerCase(Locale.ROOT);
            // Any Chinese the browser asks for is served in simplified Chinese, the only Chinese we write.
            if (wanted.equals("zh") || wanted.startsWith("zh-")) {
                return ZH_CN;
            }
            if (wanted.equals("en") || wanted.startsWith("en-")) {
                return EN;
            }
        }
        return EN;
    }
}
