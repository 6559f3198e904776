package io.chainpos.server.web;

import java.time.Instant;
import java.util.Optional;

/**
 * Where head office's reports read their figures and how fresh they are, for the line under every page:
 * empty when reports read the primary itself (no {@code --read-db}).
 */
@FunctionalInterface
public interface ReportFreshness {
    ReportFreshness PRIMARY = Optional::empty;

    Optional<FiguresAsOf> now();

    /**
     * @param replica      true when the replica answers; false when reports fell back to the primary
     * @param asOf         the moment up to which the replica holds every event, when known
     * @param eventsBehind the primary's events the replica has not applied yet
     */
    record FiguresAsOf(boolean replica, Optional<Instant> asOf, long eventsBehind) {
        public static FiguresAsOf fallenBack() {
            return new FiguresAsOf(false, Optional.empty(), 0);
        }
    }
}
