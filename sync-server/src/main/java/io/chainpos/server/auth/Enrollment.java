package io.chainpos.server.auth;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.sync.EnrollResponse;
import io.chainpos.server.merge.HeadOfficeTill;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Head office issues a one-time code for a till; the till trades it for its epoch and device token. */
public final class Enrollment {
    public static final Duration CODE_VALIDITY = Duration.ofDays(7);
    /** The refusal of a code no till was given: what someone guessing gets, counted per address. */
    public static final String UNKNOWN_CODE = "unknown enrollment code";

    private final AccountStore accounts;
    private final Secrets secrets;
    private final Clock clock;
    private final Supplier<String> memberLookupSecret;

    /** For issuing codes only: a till enrolled through this one gets no phone-lookup secret. */
    public Enrollment(AccountStore accounts, Secrets secrets, Clock clock) {
        this(accounts, secrets, clock, () -> null);
    }

    /** {@code memberLookupSecret} is the chain's phone-hash secret, handed to each till it enrolls. */
    public Enrollment(AccountStore accounts, Secrets secrets, Clock clock, Supplier<String> memberLookupSecret) {
        this.accounts = accounts;
        this.secrets = secrets;
        this.clock = clock;
        this.memberLookupSecret = memberLookupSecret;
    }

    /** A code, or why none can be issued. */
    public sealed interface Issued {
        record Code(String code, Instant expires) implements Issued {
        }

        record Refused(String reason) implements Issued {
        }
    }

    public Issued issueCode(StoreId storeId, TillId tillId) {
        if (HeadOfficeTill.isReserved(storeId, tillId)) {
            return new Issued.Refused(HeadOfficeTill.TILL + " is head office's own name, not a till's");
        }
        Optional<StoreId> current = accounts.storeOfTill(tillId);
        if (current.isPresent() && !current.get().equals(storeId)) {
            return new Issued.Refused("till " + tillId + " belongs to store " + current.get());
        }
        String code = secrets.newEnrollmentCode();
        Instant now = clock.instant();
        Instant expires = now.plus(CODE_VALIDITY);
        accounts.addEnrollmentCode(Secrets.sha256(Secrets.normalizeCode(code)), storeId, tillId, now, expires);
        return new Issued.Code(code, expires);
    }

    /** The till's identity and new token, or why the code does not work. */
    public sealed interface Result {
        record Enrolled(EnrollResponse response) implements Result {
        }

        record Refused(String reason) implements Result {
        }
    }

    public Result enroll(String code) {
        String token = secrets.newToken();
        AccountStore.EnrollOutcome outcome = accounts.enroll(
                Secrets.sha256(Secrets.normalizeCode(code)), Secrets.sha256(token), clock.instant());
        return switch (outcome) {
            case AccountStore.EnrollOutcome.Enrolled(TillPrincipal till) -> new Result.Enrolled(
                    new EnrollResponse(till.storeId(), till.tillId(), token, till.tillEpoch(),
                            memberLookupSecret.get()));
            case AccountStore.EnrollOutcome.UnknownCode unknown -> new Result.Refused(UNKNOWN_CODE);
            case AccountStore.EnrollOutcome.AlreadyUsed used -> new Result.Refused("this enrollment code was already used");
            case AccountStore.EnrollOutcome.Expired expired -> new Result.Refused("this enrollment code has expired");
            case AccountStore.EnrollOutcome.TillOfAnotherStore(StoreId store) ->
                    new Result.Refused("this till is enrolled for store " + store + ", not the store of this code");
        };
    }
}
