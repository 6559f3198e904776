package io.chainpos.server.web;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The pages' words in every {@link Language}: each feature keeps its own bundle ({@code web/messages},
 * {@code auth/messages}, ...: UTF-8 {@code .properties}, {@code _en} and {@code _zh_CN}), merged here.
 * A key missing from a bundle fails at start, not in front of a user.
 */
public final class Texts {
    private final Map<Language, Map<String, String>> byLanguage = new EnumMap<>(Language.class);

    public Texts(List<String> bundles) {
        for (Language language : Language.values()) {
            Map<String, String> texts = new HashMap<>();
            for (String bundle : bundles) {
                ResourceBundle loaded;
                try {
                    loaded = ResourceBundle.getBundle(bundle, language.locale(), Texts.class.getClassLoader(),
                            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
                } catch (MissingResourceException e) {
                    throw new IllegalStateException("no " + language.tag() + " messages in " + bundle, e);
                }
                for (String key : loaded.keySet()) {
                    if (texts.put(key, loaded.getString(key)) != null) {
                        throw new IllegalStateException("the message " + key + " is defined twice (" + bundle + ")");
                    }
                }
            }
            byLanguage.put(language, texts);
        }
        Set<String> english = byLanguage.get(Language.EN).keySet();
        for (Language language : Language.values()) {
            if (!byLanguage.get(language).keySet().equals(english)) {
                Set<String> missing = new java.util.TreeSet<>(english);
                missing.removeAll(byLanguage.get(language).keySet());
                Set<String> extra = new java.util.TreeSet<>(byLanguage.get(language).keySet());
                extra.removeAll(english);
                throw new IllegalStateException(language.tag() + " messages differ from English: missing " + missing
                        + ", extra " + extra);
            }
        }
    }

    /** The text of {@code key}, with {@code {0}}-style arguments filled in (MessageFormat). */
    public String text(Language language, String key, Object... args) {
        String pattern = byLanguage.get(language).get(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no message " + key);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(args);
    }

    public boolean has(String key) {
        return byLanguage.get(Language.EN).containsKey(key);
    }

    public Set<String> keys() {
        return Set.copyOf(byLanguage.get(Language.EN).keySet());
    }
}
