package io.chainpos.server.tls;

import io.javalin.config.JettyConfig;
import java.security.KeyStore;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTPS listener: Jetty's TLS connector on the server's host and port, serving the key store's certificate. It
 * replaces the plain connector (Javalin adds its own only when none is configured). TLS 1.2 and 1.3 only.
 */
public final class TlsListener {
    private TlsListener() {
    }

    public static void addTo(JettyConfig jetty, KeyStore keyStore, char[] keyPassword, String host, int port) {
        jetty.addConnector((server, http) -> {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStore(keyStore);
            tls.setKeyStorePassword(new String(keyPassword));
            tls.setCertAlias(TlsSource.ALIAS);
            tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            tls.setSniRequired(false);
            HttpConfiguration https = new HttpConfiguration(http);
            // A till may reach the server by an IP address the certificate names; the SNI host check would refuse it.
            https.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
            ServerConnector connector = new ServerConnector(server,
                    new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));
            connector.setHost(host);
            connector.setPort(port);
            return connector;
        });
    }
}
