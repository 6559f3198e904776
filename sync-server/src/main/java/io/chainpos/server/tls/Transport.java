package io.chainpos.server.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The rule for plain HTTP: tills hand over members' data keys and their bearer tokens on every call, so the server
 * speaks plain HTTP only where nobody else can listen (its own loopback address), unless the owner says otherwise
 * (a TLS-terminating reverse proxy on the same machine or network segment).
 */
public final class Transport {
    private Transport() {
    }

    public sealed interface Decision permits Https, PlainOnLoopback, PlainAllowed, Refused {
    }

    public record Https() implements Decision {
    }

    public record PlainOnLoopback() implements Decision {
    }

    /** Plain HTTP on an address others reach, because the owner allowed it: logged as a warning. */
    public record PlainAllowed() implements Decision {
    }

    public record Refused(String reason) implements Decision {
    }

    public static Decision decide(String host, boolean tls, boolean allowPlainHttp) {
        if (tls) {
            return new Https();
        }
        if (isLoopback(host)) {
            return new PlainOnLoopback();
        }
        if (allowPlainHttp) {
            return new PlainAllowed();
        }
        return new Refused("plain HTTP is refused on " + host + ": tills send members' data keys and their tokens to "
                + "the server, so give it a certificate (--tls-cert and --tls-key, or --tls-pkcs12; `sync-server ca` and "
                + "`sync-server cert` make them), listen on 127.0.0.1 behind a TLS reverse proxy, or pass "
                + "--allow-plain-http if you know the network is private");
    }

    /** Whether {@code host} is an address of this machine's loopback interface (127.0.0.0/8, ::1, localhost). */
    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
