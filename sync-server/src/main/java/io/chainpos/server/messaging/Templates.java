package io.chainpos.server.messaging;

import java.util.List;
import java.util.Optional;

/** Head office's message templates: one refused on save when a body uses a placeholder nobody fills in. */
public interface Templates {
    /** What saving came to. */
    sealed interface Saved permits Kept, Refused {
    }

    record Kept(String templateId) implements Saved {
    }

    /** Not saved: {@code field} ("bodyZh", "bodyEn" or "name") is what the form shows the problem next to. */
    record Refused(String field, String problem) implements Saved {
    }

    Saved save(MessageTemplate template, String by);

    Optional<MessageTemplate> template(String templateId);

    List<MessageTemplate> all();
}
