package io.chainpos.till.sync;

import io.chainpos.till.TillMessage;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.ServerLink;
import java.net.URI;
import java.util.Optional;

/**
 * The sync server this till talks to, as the sync agent reads it before every request: changed in the settings
 * screen when the server moves (a new address, the same device token), and read again after a re-enrollment.
 */
public final class ServerAddress {

    public sealed interface Result permits Changed, Refused {
    }

    public record Changed(URI url) implements Result {
    }

    public record Refused(TillMessage reason) implements Result {
    }

    private final Ledger ledger;
    private volatile ServerLink link;

    public ServerAddress(Ledger ledger) {
        this.ledger = ledger;
        this.link = ledger.registration().serverLink().orElse(null);
    }

    public Optional<URI> url() {
        ServerLink current = link;
        return current == null ? Optional.empty() : Optional.of(URI.create(current.serverUrl()));
    }

    /** The device token the enrollment gave, or null before one. */
    public String token() {
        ServerLink current = link;
        return current == null ? null : current.token();
    }

    public Result change(String address) {
        URI url = EnrollTill.serverAddress(address);
        if (url == null) {
            return new Refused(TillMessage.of(TillMessage.Code.NOT_A_SERVER_ADDRESS, address));
        }
        ServerLink current = link;
        if (current == null) {
            return new Refused(TillMessage.of(TillMessage.Code.NOT_ENROLLED_YET));
        }
        ServerLink moved = new ServerLink(url.toString(), current.token());
        ledger.registration().link(moved);
        link = moved;
        return new Changed(url);
    }

    /** Reads the link again, after an enrollment wrote a new one. */
    public void reload() {
        link = ledger.registration().serverLink().orElse(null);
    }
}
