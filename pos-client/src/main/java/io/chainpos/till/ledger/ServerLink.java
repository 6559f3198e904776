package io.chainpos.till.ledger;

import java.util.Objects;

/** The sync server a till is enrolled with and the device token it was given. */
public record ServerLink(String serverUrl, String token) {
    public ServerLink {
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "ServerLink[serverUrl=" + serverUrl + ", token=***]";
    }
}
