package io.chainpos.server.stores;

import io.chainpos.model.id.StoreId;
import io.chainpos.server.audit.AuditLog;
import io.chainpos.server.merge.HeadOfficeTill;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Head office creates and edits stores: every value checked (an id tills can carry, a name, an address of sensible
 * length, a time zone the JDK knows by name), nothing stored while any is wrong, every change audited. An edit
 * names the version it started from; when another edit came first it is refused with the store as it is now.
 */
public final class StoreChanges {
    public static final int MAX_NAME = 100;
    public static final int MAX_ADDRESS = 300;

    private final Stores stores;
    private final AuditLog audit;
    private final Clock clock;

    public StoreChanges(Stores stores, AuditLog audit, Clock clock) {
        this.stores = stores;
        this.audit = audit;
        this.clock = clock;
    }

    /** The values a person typed. */
    public record Values(String id, String name, String address, String zone) {
    }

    /** A wrong value: the form field and a code ({@code stores.problem.<code>} in the bundle). */
    public record Problem(String field, String code) {
    }

    /** What became of a create or an edit. */
    public sealed interface Outcome {
        record Done(String id) implements Outcome {
        }

        record Refused(List<Problem> problems) implements Outcome {
        }

        /** Someone else's edit came first: the store as it is now; nothing was changed. */
        record Conflict(Stores.Store current) implements Outcome {
        }

        record NoSuchStore() implements Outcome {
        }
    }

    public Outcome create(String actor, Values values) {
        List<Problem> problems = new ArrayList<>();
        String id = values.id().trim();
        // "new" would be the page that creates a store, HQ is head office's own name in the log.
        if (id.isEmpty()) {
            problems.add(new Problem("id", "id-required"));
        } else if (!validId(id)) {
            problems.add(new Problem("id", "id-format"));
        } else if (HeadOfficeTill.STORE.value().equalsIgnoreCase(id) || "new".equalsIgnoreCase(id)) {
            problems.add(new Problem("id", "id-reserved"));
        }
        Optional<ZoneId> zone = check(values, problems);
        if (!problems.isEmpty()) {
            return new Outcome.Refused(problems);
        }
        Stores.Store store = new Stores.Store(id, values.name().trim(), values.address().trim(), zone.orElseThrow(), 1, clock.instant());
        if (!stores.add(store)) {
            return new Outcome.Refused(List.of(new Problem("id", "id-taken")));
        }
        audit.record(actor, "store.created", id, id, describe(store));
        return new Outcome.Done(id);
    }

    public Outcome edit(String actor, String id, Values values, int seenVersion) {
        Optional<Stores.Store> before = stores.find(id);
        if (before.isEmpty()) {
            return new Outcome.NoSuchStore();
        }
        List<Problem> problems = new ArrayList<>();
        Optional<ZoneId> zone = check(values, problems);
        if (!problems.isEmpty()) {
            return new Outcome.Refused(problems);
        }
        Stores.Store changed = new Stores.Store(id, values.name().trim(), values.address().trim(), zone.orElseThrow(),
                seenVersion + 1, clock.instant());
        if (!stores.update(changed, seenVersion)) {
            return stores.find(id).<Outcome>map(Outcome.Conflict::new).orElseGet(Outcome.NoSuchStore::new);
        }
        audit.record(actor, "store.changed", id, id, describe(changed));
        return new Outcome.Done(id);
    }

    private static Optional<ZoneId> check(Values values, List<Problem> problems) {
        String name = values.name().trim();
        if (name.isEmpty()) {
            problems.add(new Problem("name", "name-required"));
        } else if (name.length() > MAX_NAME || hasControl(name)) {
            problems.add(new Problem("name", "name-too-long"));
        }
        String address = values.address().trim();
        if (address.length() > MAX_ADDRESS || hasControl(address)) {
            problems.add(new Problem("address", "address-too-long"));
        }
        String zone = values.zone().trim();
        if (zone.isEmpty()) {
            problems.add(new Problem("zone", "zone-required"));
            return Optional.empty();
        }
        // Named zones only (Asia/Shanghai): an offset such as +08:00 does not follow a region's daylight saving.
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            problems.add(new Problem("zone", "zone-unknown"));
            return Optional.empty();
        }
        return Optional.of(ZoneId.of(zone));
    }

    private static boolean validId(String id) {
        try {
            StoreId.of(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    private static String describe(Stores.Store store) {
        return store.name() + " · " + store.zone().getId() + " · v" + store.version();
    }
}
