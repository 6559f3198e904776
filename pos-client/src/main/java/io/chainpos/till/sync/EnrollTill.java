package io.chainpos.till.sync;

import io.chainpos.model.sync.EnrollResponse;
import io.chainpos.till.TillMessage;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.ServerLink;
import io.chainpos.till.ledger.TillIdentity;
import io.chainpos.till.member.MemberKeyStore;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Function;

/** First-run setup: trades head office's one-time code for this till's identity, epoch and device token. */
public final class EnrollTill {

    public sealed interface Result permits Enrolled, Refused, Unreachable, Invalid {
    }

    public record Enrolled(TillIdentity identity) implements Result {
        public io.chainpos.model.id.StoreId storeId() {
            return identity.storeId();
        }

        public io.chainpos.model.id.TillId tillId() {
            return identity.tillId();
        }
    }

    /** The server said no (a used or expired code); {@code reason} is for the owner setting up the till. */
    public record Refused(TillMessage reason) implements Result {
    }

    public record Unreachable(TillMessage reason) implements Result {
    }

    public record Invalid(TillMessage reason) implements Result {
    }

    private final Ledger ledger;
    private final Function<URI, SyncApi> apiFor;
    /** Where the server's key is pinned once enrolled, or null (a test till that does not verify its server). */
    private final ServerTrust trust;
    private final MemberKeyStore keys;

    public EnrollTill(Ledger ledger, Function<URI, SyncApi> apiFor) {
        this(ledger, apiFor, null);
    }

    public EnrollTill(Ledger ledger, Function<URI, SyncApi> apiFor, ServerTrust trust) {
        this(ledger, apiFor, trust, new MemberKeyStore());
    }

    public EnrollTill(Ledger ledger, Function<URI, SyncApi> apiFor, ServerTrust trust, MemberKeyStore keys) {
        this.ledger = ledger;
        this.apiFor = apiFor;
        this.trust = trust;
        this.keys = keys;
    }

    public Result enroll(String serverUrl, String code) {
        URI url = serverAddress(serverUrl);
        if (url == null) {
            return new Invalid(TillMessage.of(TillMessage.Code.NOT_A_SERVER_ADDRESS, String.valueOf(serverUrl)));
        }
        if (code == null || code.isBlank()) {
            return new Invalid(TillMessage.of(TillMessage.Code.ENROLLMENT_CODE_EMPTY));
        }
        EnrollResponse response;
        String serverKey;
        try {
            SyncApi.Enrollment enrollment = apiFor.apply(url).enroll(code.strip());
            response = enrollment.response();
            serverKey = enrollment.serverKeyPin();
        } catch (ServerNotTrustedException e) {
            return new Unreachable(e.reason());
        } catch (IOException e) {
            return new Unreachable(TillMessage.of(TillMessage.Code.SERVER_UNREACHABLE));
        } catch (SyncRefusedException e) {
            return new Refused(e.status() == 401 ? TillMessage.of(TillMessage.Code.ENROLLMENT_CODE_REFUSED) : e.reason());
        }
        TillIdentity identity = new TillIdentity(response.storeId(), response.tillId(), response.tillEpoch());
        ledger.registration().enroll(identity);
        ledger.registration().link(new ServerLink(url.toString(), response.token()));
        if (trust != null) {
            trust.enrolled(serverKey);
        }
        if (response.memberLookupKey() != null) {
            ledger.writeState(session -> {
                keys.keepLookupSecret(session, response.memberLookupKey());
                return null;
            });
        }
        return new Enrolled(identity);
    }

    /** An http or https address with a host, or null. */
    static URI serverAddress(String text) {
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text.strip());
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
