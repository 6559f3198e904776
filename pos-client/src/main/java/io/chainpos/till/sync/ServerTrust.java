package io.chainpos.till.sync;

import io.chainpos.till.ledger.Ledger;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which sync server this till believes: one whose certificate the computer's trust store or the chain's own CA
 * (handed over with the enrollment code, or configured) vouches for, and, once enrolled, only the server whose public
 * key it enrolled with. A server presenting another key (a man in the middle with a certificate from any CA, or a
 * replaced certificate) is refused before the till sends its token; enrolling again accepts the new key.
 */
public final class ServerTrust {
    private static final String PIN = "server.keyPin";
    private static final String CHAIN_CA = "server.chainCa";

    private final Ledger ledger;
    private final ServerTrustStore store = new ServerTrustStore();
    private volatile List<X509Certificate> chainCa;
    private volatile String pinnedKey;

    private ServerTrust(Ledger ledger, List<X509Certificate> chainCa, String pinnedKey) {
        this.ledger = ledger;
        this.chainCa = chainCa;
        this.pinnedKey = pinnedKey;
    }

    /**
     * The trust this till's ledger holds: the chain CA and the key it enrolled with. {@code configuredCa}, when given,
     * is the chain CA to use from now on (and is kept at the next enrollment).
     */
    public static ServerTrust load(Ledger ledger, Optional<Path> configuredCa) throws IOException {
        ServerTrustStore store = new ServerTrustStore();
        List<X509Certificate> ca = configuredCa.isPresent() ? readCertificates(Files.readString(configuredCa.get()))
                : ledger.read(s -> store.read(s, CHAIN_CA)).map(ServerTrust::readUnchecked).orElse(List.of());
        String pin = ledger.read(s -> store.read(s, PIN)).orElse(null);
        return new ServerTrust(ledger, ca, pin);
    }

    /** The pin of a certificate's public key: {@code sha256/} and the base64 SHA-256 of its SubjectPublicKeyInfo. */
    public static String keyPin(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
            return "sha256/" + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public Optional<String> pinnedKey() {
        return Optional.ofNullable(pinnedKey);
    }

    /** Records the key of the server this till just enrolled with, and the chain CA it trusted it by. */
    public void enrolled(String serverKeyPin) {
        List<X509Certificate> ca = chainCa;
        ledger.writeState(s -> {
            if (serverKeyPin == null) {
                store.remove(s, PIN);
            } else {
                store.write(s, PIN, serverKeyPin);
            }
            if (!ca.isEmpty()) {
                store.write(s, CHAIN_CA, pem(ca));
            }
            return null;
        });
        pinnedKey = serverKeyPin;
    }

    /** The trust manager for sync: the trust store or the chain CA, then the pinned key. */
    public X509TrustManager pinned() {
        return new Checking(true);
    }

    /** The trust manager for enrolling: the trust store or the chain CA only, since a new enrollment may meet a new key. */
    public X509TrustManager enrolling() {
        return new Checking(false);
    }

    public static SSLContext context(X509TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has TLS", e);
        }
    }

    /** The server presented a key other than the one this till enrolled with. */
    public static final class KeyChanged extends CertificateException {
        KeyChanged(String presented, String pinned) {
            super("the server presented the key " + presented + ", not " + pinned + " that this till enrolled with");
        }
    }

    private final class Checking implements X509TrustManager {
        private final boolean applyPin;

        Checking(boolean applyPin) {
            this.applyPin = applyPin;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                system().checkServerTrusted(chain, authType);
            } catch (CertificateException notBySystem) {
                List<X509Certificate> ca = chainCa;
                if (ca.isEmpty()) {
                    throw notBySystem;
                }
                anchoredAt(ca).checkServerTrusted(chain, authType);
            }
            String pinned = pinnedKey;
            if (applyPin && pinned != null) {
                String presented = keyPin(chain[0]);
                if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.US_ASCII), pinned.getBytes(StandardCharsets.US_ASCII))) {
                    throw new KeyChanged(presented, pinned);
                }
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the till trusts servers, not clients");
        }

        /** The roots trusted: OkHttp cleans the presented chain against them before it reports the handshake. */
        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> roots = new java.util.ArrayList<>(List.of(system().getAcceptedIssuers()));
            roots.addAll(chainCa);
            return roots.toArray(X509Certificate[]::new);
        }
    }

    private static X509TrustManager system() {
        return anchoredAt(null);
    }

    /** PKIX trust anchored at {@code anchors}, or at the JDK's trust store when null. */
    private static X509TrustManager anchoredAt(List<X509Certificate> anchors) {
        try {
            KeyStore store = null;
            if (anchors != null) {
                store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                for (int i = 0; i < anchors.size(); i++) {
                    store.setCertificateEntry("chain-ca-" + i, anchors.get(i));
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the JDK gave no X.509 trust manager");
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the JDK's trust store cannot be read", e);
        }
    }

    static List<X509Certificate> readCertificates(String pem) throws IOException {
        try {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).stream()
                    .map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw new IOException("no certificate in the chain CA file");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new IOException("the chain CA is not a PEM certificate: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> readUnchecked(String pem) {
        try {
            return readCertificates(pem);
        } catch (IOException e) {
            throw new IllegalStateException("the chain CA this till keeps cannot be read", e);
        }
    }

    private static String pem(List<X509Certificate> certificates) {
        StringBuilder text = new StringBuilder();
        Base64.Encoder lines = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (X509Certificate certificate : certificates) {
            try {
                text.append("-----BEGIN CERTIFICATE-----\n").append(lines.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateException e) {
                throw new IllegalStateException("a parsed certificate encodes again", e);
            }
        }
        return text.toString();
    }
}
