package io.chainpos.server.home;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What the home page shows beside the exceptions: tills enrolled, the last head-office publication, exceptions per kind. */
public interface HomeFacts {
    /** Tills with a live device token, in one store or (empty) the whole chain. */
    long enrolledTills(Optional<String> store);

    /** The event type head office stored last, and when the server stored it. */
    record Publication(String type, Instant at) {
    }

    Optional<Publication> lastPublication();

    Map<String, Long> openExceptionsByKind();
}
