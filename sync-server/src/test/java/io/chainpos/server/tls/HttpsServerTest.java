package io.chainpos.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.ServerMain;
import io.chainpos.server.cli.Commands;
import io.chainpos.server.testing.Api;
import io.chainpos.server.testing.TestCertificates;
import io.chainpos.server.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The server over HTTPS with certificates made in the test, and the commands that make a chain's certificates. */
class HttpsServerTest {
    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine commands = Commands.commandLine(new ServerMain(new ManualClock(TestServer.START), new Random(3)),
                new ByteArrayInputStream(new byte[0]));
        commands.setOut(new PrintWriter(out, true));
        commands.setErr(new PrintWriter(err, true));
        return commands.execute(args);
    }

    @Test
    void theServerAnswersOverHttpsToAClientThatTrustsItsCa() {
        try (TestServer server = TestServer.startHttps(dir, TestServer.settings(false))) {
            assertThat(server.uri().getScheme()).isEqualTo("https");
            Api.Reply health = server.anonymous().get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(server.enroll("S001", "S001-T1").api().get("/api/v1/sync/pull?after=0").status()).isEqualTo(200);
        }
    }

    @Test
    void aClientTrustingAnotherCaIsRefusedAtTheHandshake() {
        try (TestServer server = TestServer.startHttps(dir, TestServer.settings(false))) {
            TestCertificates stranger = new TestCertificates(dir.resolve("other"), "Another CA");
            Api other = new Api(server.uri(), null, Api.httpsClient(stranger.clientContext()));

            assertThatThrownBy(() -> other.get("/health")).isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void plainHttpToTheHttpsPortGetsNoApiAnswer() throws Exception {
        try (TestServer server = TestServer.startHttps(dir, TestServer.settings(false))) {
            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                    .timeout(Duration.ofSeconds(10)).build();
            try {
                HttpResponse<String> response = plain.send(request, HttpResponse.BodyHandlers.ofString());
                // Jetty answers a plain request on a TLS port with 400 and never runs a route.
                assertThat(response.statusCode()).isEqualTo(400);
                assertThat(response.body()).doesNotContain("\"status\":\"ok\"");
            } catch (IOException refused) {
                assertThat(refused).isNotNull();
            }
        }
    }

    @Test
    void caAndCertCommandsMakeACertificateTheServerServesAndATillVerifies() throws Exception {
        Path ca = dir.resolve("ca");
        Path tls = dir.resolve("tls");
        assertThat(run("ca", "--out", ca.toString(), "--name", "Shop 1 CA")).isZero();
        assertThat(run("cert", "--ca", ca.resolve("chain-ca.pem").toString(), "--ca-key", ca.resolve("chain-ca-key.pem").toString(),
                "--host", "localhost", "--host", "127.0.0.1", "--out", tls.toString())).as(err.toString()).isZero();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ca.resolve("chain-ca-key.pem")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve("server-key.pem")))).isEqualTo("rw-------");
        List<X509Certificate> served = Pem.readCertificates(tls.resolve("server.pem"));
        assertThat(served).hasSize(2);
        assertThat(served.getFirst().getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).toList())
                .containsExactlyInAnyOrder("localhost", "127.0.0.1");
        assertThat(served.getFirst().getBasicConstraints()).isEqualTo(-1);
        assertThat(served.get(1).getBasicConstraints()).isGreaterThanOrEqualTo(0);

        try (TestServer server = TestServer.start(dir.resolve("db"), TestServer.settings(false)
                .withTls(new TlsSource.PemFiles(tls.resolve("server.pem"), tls.resolve("server-key.pem"))))) {
            URI https = URI.create("https://localhost:" + server.uri().getPort() + "/");
            Api.Reply health = new Api(https, null, Api.httpsClient(trusting(Pem.readCertificates(ca.resolve("chain-ca.pem")).getFirst())))
                    .get("/health");
            assertThat(health.status()).isEqualTo(200);
        }
    }

    @Test
    void aPkcs12FileServesToo() throws Exception {
        TestCertificates certificates = new TestCertificates(dir.resolve("tls"), "Test chain CA");
        TlsSource.PemFiles pem = (TlsSource.PemFiles) certificates.serverCertificate(TestCertificates.LOOPBACK);
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        p12.load(null, null);
        char[] password = "p12 secret".toCharArray();
        p12.setKeyEntry("anything", Pem.readPrivateKey(pem.key()), password,
                Pem.readCertificates(pem.certificate()).toArray(Certificate[]::new));
        Path file = dir.resolve("server.p12");
        try (OutputStream stream = Files.newOutputStream(file)) {
            p12.store(stream, password);
        }

        try (TestServer server = TestServer.start(dir.resolve("db"), TestServer.settings(false)
                .withTls(new TlsSource.Pkcs12(file, password)))) {
            URI https = URI.create("https://127.0.0.1:" + server.uri().getPort() + "/");
            assertThat(new Api(https, null, Api.httpsClient(certificates.clientContext())).get("/health").status()).isEqualTo(200);
        }
    }

    @Test
    void serveRefusesPlainHttpOnAnAddressOthersReachUnlessAllowed() {
        assertThat(run("serve", "--host", "0.0.0.0", "--port", "0", "--db", dir.resolve("x.db").toString()))
                .isEqualTo(4);
        assertThat(err.toString()).contains("plain HTTP is refused on 0.0.0.0").contains("--allow-plain-http");
        assertThat(Files.exists(dir.resolve("x.db"))).as("refused before the database is opened").isFalse();

        assertThat(Transport.decide("127.0.0.1", false, false)).isInstanceOf(Transport.PlainOnLoopback.class);
        assertThat(Transport.decide("localhost", false, false)).isInstanceOf(Transport.PlainOnLoopback.class);
        assertThat(Transport.decide("::1", false, false)).isInstanceOf(Transport.PlainOnLoopback.class);
        assertThat(Transport.decide("192.168.1.10", false, false)).isInstanceOf(Transport.Refused.class);
        assertThat(Transport.decide("192.168.1.10", false, true)).isInstanceOf(Transport.PlainAllowed.class);
        assertThat(Transport.decide("0.0.0.0", true, false)).isInstanceOf(Transport.Https.class);
    }

    @Test
    void serveRefusesHalfACertificateAndAKeyOfAnotherCertificate() {
        TestCertificates certificates = new TestCertificates(dir.resolve("tls"), "Test chain CA");
        TlsSource.PemFiles one = (TlsSource.PemFiles) certificates.serverCertificate(TestCertificates.LOOPBACK);
        TlsSource.PemFiles two = (TlsSource.PemFiles) certificates.serverCertificate(TestCertificates.LOOPBACK);

        assertThat(run("serve", "--port", "0", "--tls-cert", one.certificate().toString(), "--db", dir.resolve("x.db").toString()))
                .isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--tls-cert and --tls-key go together");
        assertThat(run("serve", "--port", "0", "--tls-cert", one.certificate().toString(), "--tls-key", two.key().toString(),
                "--db", dir.resolve("x.db").toString())).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("is not the key of the certificate");
    }

    private static SSLContext trusting(X509Certificate ca) throws Exception {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("ca", ca);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(anchors);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
