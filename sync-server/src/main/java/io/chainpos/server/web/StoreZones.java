package io.chainpos.server.web;

import java.time.ZoneId;
import java.util.Optional;

/**
 * The time zone a store keeps its days and times in, as head office set it on the store's page; empty for a store
 * head office has not described. Pages show a store's times through {@link PageRequest#formatsOf(String)}.
 */
@FunctionalInterface
public interface StoreZones {
    StoreZones NONE = store -> Optional.empty();

    Optional<ZoneId> zoneOf(String store);

    /** Every described store's zone at once, for a page that shows many stores' times (none when not known at once). */
    default java.util.Map<String, ZoneId> every() {
        return java.util.Map.of();
    }
}
