package io.chainpos.server.member;

import io.chainpos.model.sync.SyncException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Whether each registration's sealed phone and name open with the key its till uploaded. A registration sealed
 * with another key, or whose key has not come within {@code keyDeadline} of its arrival, is reported in head
 * office's exceptions ({@code SEALING_BROKEN}, {@code MEMBER_KEY_MISSING}); without this the member is served with
 * no name or phone and nobody hears of it.
 */
public interface SealingCheck {
    /** The default wait for a registration's key: a till uploads it in the same sync as the event. */
    Duration KEY_DEADLINE = Duration.ofHours(1);

    /** Checks what arrived or became due since the last run; returns what it reported. */
    List<SyncException> run(Instant now, Duration keyDeadline);
}
