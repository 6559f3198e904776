package io.chainpos.server.tills;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.server.audit.AuditLog;
import io.chainpos.server.auth.AccountStore;
import io.chainpos.server.auth.Enrollment;
import io.chainpos.server.merge.HeadOfficeTill;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Head office enrolls and revokes tills from its pages: a one-time code for a new till or a replacement for an
 * existing one (the same {@link Enrollment} the {@code sync-server enroll} command uses), and revoking a lost till,
 * whose token is refused from then on. Each is audited; the code itself never is.
 */
public final class TillEnrollments {
    private final Enrollment enrollment;
    private final AccountStore accounts;
    private final Predicate<String> knownStore;
    private final AuditLog audit;
    private final Clock clock;

    public TillEnrollments(Enrollment enrollment, AccountStore accounts, Predicate<String> knownStore, AuditLog audit, Clock clock) {
        this.enrollment = enrollment;
        this.accounts = accounts;
        this.knownStore = knownStore;
        this.audit = audit;
        this.clock = clock;
    }

    /** A code to type at the till, or why none was issued (a code {@code tills.problem.<code>} in the bundle). */
    public sealed interface Issued {
        record Code(String till, String code, Instant expires) implements Issued {
        }

        record Refused(String problem) implements Issued {
        }
    }

    /**
     * A replacement is issued for a till already enrolled in {@code store} even when the store is not described on the
     * Stores page (its tills were enrolled with the {@code sync-server enroll} command): the till's own row says where
     * it belongs. A new till needs a described store.
     */
    public Issued issueCode(String actor, String store, String till, boolean replacement) {
        Optional<TillId> tillId = tillId(till.trim());
        Optional<StoreId> current = tillId.flatMap(accounts::storeOfTill);
        boolean replacingOwnTill = replacement && current.map(s -> s.value().equals(store)).orElse(false);
        if (!replacingOwnTill && !knownStore.test(store)) {
            return new Issued.Refused("unknown-store");
        }
        if (tillId.isEmpty()) {
            return new Issued.Refused(till.isBlank() ? "till-required" : "till-format");
        }
        if (HeadOfficeTill.TILL.equals(tillId.get())) {
            return new Issued.Refused("till-reserved");
        }
        if (current.isPresent() && !current.get().value().equals(store)) {
            return new Issued.Refused("till-of-another-store");
        }
        if (!replacement && current.isPresent()) {
            return new Issued.Refused("till-enrolled");
        }
        return switch (enrollment.issueCode(StoreId.of(store), tillId.get())) {
            case Enrollment.Issued.Code code -> {
                audit.record(actor, replacement ? "till.replacement-code" : "till.code-issued", tillId.get().value(), store,
                        "expires " + code.expires());
                yield new Issued.Code(tillId.get().value(), code.code(), code.expires());
            }
            case Enrollment.Issued.Refused refused -> new Issued.Refused("till-refused");
        };
    }

    /** False when the till is not one of {@code store}'s. */
    public boolean revoke(String actor, String store, String till) {
        Optional<TillId> tillId = tillId(till);
        if (tillId.isEmpty() || !accounts.storeOfTill(tillId.get()).map(s -> s.value().equals(store)).orElse(false)) {
            return false;
        }
        boolean revoked = accounts.revokeTill(tillId.get(), clock.instant());
        if (revoked) {
            audit.record(actor, "till.revoked", tillId.get().value(), store, "");
        }
        return revoked;
    }

    private static Optional<TillId> tillId(String text) {
        try {
            return Optional.of(TillId.of(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
