package io.chainpos.server.messaging;

import java.util.List;
import java.util.Optional;

/** A message's wording in Chinese and English, with {placeholders}. */
public record MessageTemplate(String templateId, MessageKind kind, String name, String bodyZh, String bodyEn) {

    /** A field of the template that uses a placeholder nobody fills in, and the names it used. */
    public record Unknown(String field, List<String> placeholders) {
    }

    /** The first body that uses an unknown placeholder, named by its form field. */
    public Optional<Unknown> unknownPlaceholder() {
        for (String field : List.of("bodyZh", "bodyEn")) {
            List<String> unknown = Placeholders.unknown(field.equals("bodyZh") ? bodyZh : bodyEn);
            if (!unknown.isEmpty()) {
                return Optional.of(new Unknown(field, unknown));
            }
        }
        return Optional.empty();
    }

    /** The body in the member's language: Chinese unless English is asked for. */
    public String body(String lang) {
        return "en".equals(lang) ? bodyEn : bodyZh;
    }
}
