package io.chainpos.server.testing;

import io.chainpos.server.tls.CertificateAuthority;
import io.chainpos.server.tls.Pem;
import io.chainpos.server.tls.TlsSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Certificates made in the test by the product's own CA code: a chain CA, and server certificates it signs. */
public final class TestCertificates {
    /** The names a loopback test server is reached by. */
    public static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1");

    private final CertificateAuthority authority = new CertificateAuthority(new SecureRandom());
    private final CertificateAuthority.Issued ca;
    private final Path folder;
    private int issued;

    /** A new CA named {@code name}, writing its files under {@code folder}. */
    public TestCertificates(Path folder, String name) {
        this.folder = folder;
        this.ca = authority.createCa(name, Instant.now(), Duration.ofDays(30));
        try {
            Files.createDirectories(folder);
            Pem.writeCertificates(caFile(), ca.certificate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CertificateAuthority.Issued ca() {
        return ca;
    }

    /** The CA's certificate as a PEM file, as a till is handed it. */
    public Path caFile() {
        return folder.resolve("ca.pem");
    }

    public String caPem() {
        return Pem.text(ca.certificate());
    }

    /** A new server certificate (a new key each time) for {@code hosts}, as PEM files the server reads. */
    public TlsSource serverCertificate(List<String> hosts) {
        CertificateAuthority.Issued server = authority.issueServer(ca, hosts, Instant.now(), Duration.ofDays(30));
        int n = ++issued;
        Path certificate = folder.resolve("server-" + n + ".pem");
        Path key = folder.resolve("server-" + n + "-key.pem");
        try {
            Pem.writeCertificates(certificate, server.certificate(), ca.certificate());
            Pem.writePrivateKey(key, server.key());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TlsSource.PemFiles(certificate, key);
    }

    /** A TLS client context that trusts this CA only. */
    public SSLContext clientContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {trustManager()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public X509TrustManager trustManager() {
        try {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            anchors.setCertificateEntry("ca", ca.certificate());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            return (X509TrustManager) factory.getTrustManagers()[0];
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
