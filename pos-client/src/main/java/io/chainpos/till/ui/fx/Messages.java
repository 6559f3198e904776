package io.chainpos.till.ui.fx;

import io.chainpos.till.TillMessage;
import io.chainpos.till.TillWords;
import io.chainpos.till.settings.TillSettings;
import io.chainpos.till.ui.Notice;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The screens' words in zh-CN or English from the {@code messages} resource bundles, switchable while the till
 * runs: views bind their texts here and change language at once. Every pattern goes through {@link MessageFormat}
 * (so the bundles write an apostrophe as two, '', never one).
 */
public final class Messages {
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final String BUNDLE = "io.chainpos.till.ui.messages";
    private static final Logger log = LoggerFactory.getLogger(Messages.class);

    private final ObjectProperty<Locale> locale;

    public Messages(Locale initial) {
        this.locale = new SimpleObjectProperty<>(initial);
    }

    /** Chinese on a Chinese computer, English elsewhere, unless the till's settings say otherwise. */
    public static Locale resolve(TillSettings.Language language, Locale system) {
        return TillWords.localeFor(language, system);
    }

    public static ResourceBundle bundle(Locale locale) {
        // no fallback to the computer's locale: English is the base bundle, Chinese its zh_CN child
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public boolean chinese() {
        return "zh".equals(locale.get().getLanguage());
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale.get()).getString(key);
        } catch (MissingResourceException e) {
            log.warn("ui.message.missing key={} locale={}", key, locale.get());
            return key;
        }
        Object[] words = java.util.Arrays.stream(args).map(arg -> arg instanceof TillMessage m ? say(m) : arg).toArray();
        return new MessageFormat(pattern, locale.get()).format(words);
    }

    /** A use-case's message in the language shown now. */
    public String say(TillMessage message) {
        return TillWords.say(message, locale.get());
    }

    public StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), locale);
    }

    public String format(Notice notice) {
        if (notice == null) {
            return "";
        }
        if (notice.tillMessage().isPresent()) {
            return say(notice.tillMessage().get());
        }
        return get(notice.key(), notice.args().toArray());
    }

    /** A notice's text, in the language shown now. */
    public StringBinding notice(ObservableValue<Notice> notice) {
        return Bindings.createStringBinding(() -> format(notice.getValue()), notice, locale);
    }
}
