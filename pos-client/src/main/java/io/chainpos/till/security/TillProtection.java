package io.chainpos.till.security;

import io.chainpos.till.TillMessage;
import io.chainpos.till.member.KeyWrap;
import io.chainpos.till.member.MemberKeyStore;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What keeps the till's data its owner's, as the composition root found it at start: the key-encryption key that wraps
 * the members' keys in the ledger, and what in the data folder others may read. {@link #warnings} is what the top bar
 * shows: those files, and a server reached over plain HTTP on another machine.
 */
public record TillProtection(KeyWrap wrap, List<String> looseFiles) {
    public TillProtection {
        looseFiles = List.copyOf(looseFiles);
    }

    /** No key file and nothing checked: tests and benchmarks. */
    public static TillProtection none() {
        return new TillProtection(KeyWrap.none(), List.of());
    }

    public MemberKeyStore memberKeys() {
        return new MemberKeyStore(wrap);
    }

    /** A warning for the counter's top bar, coded so the screen says it in the cashier's language. */
    public record Warning(Kind kind, String detail) {
        public enum Kind {
            /** Sync goes over plain HTTP to another machine: anyone on the network reads member keys and the token. */
            PLAIN_HTTP,
            /** Files in the data folder (or the key file) others on this computer may read. */
            LOOSE_FILES
        }

        /** The warning in the till's words, for the command line (the top bar has its own short words). */
        public TillMessage message() {
            return TillMessage.of(switch (kind) {
                case PLAIN_HTTP -> TillMessage.Code.SYNC_IN_THE_CLEAR;
                case LOOSE_FILES -> TillMessage.Code.FILES_OTHERS_MAY_READ;
            }, detail);
        }
    }

    /** The warnings now, for a till syncing with {@code server}. */
    public List<Warning> warnings(Supplier<Optional<URI>> server) {
        List<Warning> warnings = new ArrayList<>();
        server.get().filter(TillProtection::plainToAnotherMachine)
                .ifPresent(url -> warnings.add(new Warning(Warning.Kind.PLAIN_HTTP, url.getHost())));
        if (!looseFiles.isEmpty()) {
            warnings.add(new Warning(Warning.Kind.LOOSE_FILES, String.join(", ", looseFiles)));
        }
        return warnings;
    }

    /** An {@code http://} address of a host other than this computer's loopback. */
    public static boolean plainToAnotherMachine(URI url) {
        if (!"http".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            return false;
        }
        String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1) : url.getHost();
        if (host.equalsIgnoreCase("localhost")) {
            return false;
        }
        try {
            return !java.net.InetAddress.ofLiteral(host).isLoopbackAddress();
        } catch (IllegalArgumentException notAnAddress) {
            return true; // a name: only localhost is sure to be this computer
        }
    }
}
