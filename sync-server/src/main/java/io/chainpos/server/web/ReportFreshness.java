package io.chainpos.server.web;

import java.time.Instant;
import java.util.Optional;

/**
 * Where head office's reports read their figures and how fresh they are, for the line under every page: empty when
 * they read the primary and hold every event it stored (or nearly: see {@link Source#CATCHING_UP}).
 */
@FunctionalInterface
public interface ReportFreshness {
    ReportFreshness PRIMARY = Optional::empty;

    Optional<FiguresAsOf> now();

    /** Where the figures came from. */
    enum Source {
        /** The replica ({@code --read-db}) answered. */
        REPLICA,
        /** The replica could not be reached: the primary answered. */
        PRIMARY_FALLBACK,
        /**
         * The primary answered, but its read models trail its log by more than a read waits for (a flood after an
         * outage): the page shows them as they stand while the projector merges on.
         */
        CATCHING_UP
    }

    /**
     * @param source       where the figures came from
     * @param asOf         the moment up to which the figures hold every event, when known
     * @param eventsBehind the events stored that the figures do not hold yet
     */
    record FiguresAsOf(Source source, Optional<Instant> asOf, long eventsBehind) {
        public static FiguresAsOf fallenBack() {
            return new FiguresAsOf(Source.PRIMARY_FALLBACK, Optional.empty(), 0);
        }

        public boolean replica() {
            return source == Source.REPLICA;
        }
    }
}
