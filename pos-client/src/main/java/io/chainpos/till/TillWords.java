package io.chainpos.till;

import io.chainpos.model.money.Money;
import io.chainpos.till.settings.TillSettings;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Puts a {@link TillMessage} into words in zh-CN or English from the {@code words} resource bundles, for the
 * screens and the command line alike. Amounts are formatted for the language; names and codes stay as they are.
 * The bundles go through {@link MessageFormat}, so they write an apostrophe as two ('').
 */
public final class TillWords {
    public static final String BUNDLE = "io.chainpos.till.words";

    private final Locale locale;

    public TillWords(Locale locale) {
        this.locale = locale;
    }

    /** Chinese on a Chinese computer, English elsewhere, unless the till's settings say otherwise. */
    public static Locale localeFor(TillSettings.Language language, Locale system) {
        return switch (language) {
            case ZH_CN -> Locale.SIMPLIFIED_CHINESE;
            case EN -> Locale.ENGLISH;
            case SYSTEM -> "zh".equals(system.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        };
    }

    public Locale locale() {
        return locale;
    }

    /** English is the base bundle and Chinese its zh_CN child; the computer's own locale is never a fallback. */
    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public String say(TillMessage message) {
        return say(message, locale);
    }

    public static String say(TillMessage message, Locale locale) {
        Object[] args = message.args().stream().map(arg -> switch (arg) {
            case null -> "-";
            case Money money -> money(money, locale);
            case TillMessage inner -> say(inner, locale);
            default -> arg;
        }).toArray();
        return new MessageFormat(bundle(locale).getString(message.code().key()), locale).format(args);
    }

    /** An amount as the language writes it: ¥12.50 in Chinese, CN¥12.50 in English (so it is not read as yen). */
    public static String money(Money money, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale.getCountry().isEmpty()
                ? Locale.of(locale.getLanguage(), "US") : locale);
        format.setCurrency(money.currency());
        format.setMinimumFractionDigits(money.currency().getDefaultFractionDigits());
        format.setMaximumFractionDigits(money.currency().getDefaultFractionDigits());
        return format.format(BigDecimal.valueOf(money.minor(), money.currency().getDefaultFractionDigits()));
    }
}
