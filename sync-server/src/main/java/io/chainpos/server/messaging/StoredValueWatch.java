package io.chainpos.server.messaging;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** The members a day's run saw at or above the stored-value threshold since they were last told, and since when. */
public interface StoredValueWatch {
    Map<String, Instant> watched();

    /** Starts watching these members from {@code since}. */
    void watch(Collection<String> memberIds, Instant since);

    /** Stops watching these members (told, or no longer a member on their own). */
    void unwatch(Collection<String> memberIds);
}
