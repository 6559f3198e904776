package io.chainpos.server.tills;

import java.time.Instant;
import java.util.List;

/**
 * A till's event chain as the server took it at ingest (docs/protocol.md, "Event chain"): the head of each epoch, and
 * the head at each shift the till closed, which is what its printed Z report shows.
 */
public interface TillChains {

    record Head(int epoch, long seq, String hash) {
    }

    /** A shift close: the seq and hash of the till's ShiftClosed event, at the till's own clock. */
    record Close(int epoch, long seq, String hash, Instant closedAt) {
    }

    /** The head of each epoch of {@code tillId}, newest epoch first. */
    List<Head> heads(String tillId);

    /** The latest {@code limit} shift closes of {@code tillId}, newest first. */
    List<Close> closes(String tillId, int limit);
}
