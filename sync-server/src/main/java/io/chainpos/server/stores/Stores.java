package io.chainpos.server.stores;

import io.chainpos.server.web.ListRequest;
import io.chainpos.server.web.ListSpec;
import io.chainpos.server.web.Slice;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The chain's stores as head office describes them: name, address and time zone, with a version per edit. */
public interface Stores {
    ListSpec LIST = new ListSpec(
            List.of(new ListSpec.Column("store", "store_id", false), new ListSpec.Column("name", "name", false)),
            new ListSpec.Column("store", "store_id", false), "store", false, Set.of("q"), 50);

    /** A store; {@code version} is 1 when created and grows with every edit. */
    record Store(String id, String name, String address, ZoneId zone, int version, Instant updated) {
    }

    /** A page of stores; filter {@code q}: part of the id or the name. */
    Slice<Store> list(ListRequest request);

    Optional<Store> find(String id);

    /** How many stores the chain has, counted up to {@code atMost} and no further. */
    int count(int atMost);

    /** False when a store with this id exists already. */
    boolean add(Store store);

    /** Replaces the store's name, address and zone if it is still at {@code seenVersion}; false otherwise. */
    boolean update(Store changed, int seenVersion);
}
