package io.chainpos.server.cli;

import io.chainpos.server.sync.PullEvents;
import io.chainpos.server.web.WebSettings;
import io.chainpos.server.tls.TlsSource;
import java.time.Duration;
import java.util.Objects;

/**
 * How the HTTP server runs, from flags and environment: where it listens, whether to seed the demo, how
 * long pull replays events before a till must take a snapshot, the token {@code /metrics} asks for
 * (none: open to whoever reaches the port, as Prometheus scrapes usually are), the certificate it serves
 * HTTPS with (none: plain HTTP) and whether plain HTTP may listen on an address other than loopback.
 */
public record ServerSettings(String host, int port, boolean demoData, Duration pullRetention, String metricsToken, WebSettings web,
                             TlsSource tls, boolean allowPlainHttp) {
    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(web, "web");
        Objects.requireNonNull(pullRetention, "pullRetention");
        if (metricsToken != null && metricsToken.isBlank()) {
            metricsToken = null;
        }
    }

    /** With the pages' default sessions (30 minutes idle). */
    public ServerSettings(String host, int port, boolean demoData, Duration pullRetention, String metricsToken) {
        this(host, port, demoData, pullRetention, metricsToken, WebSettings.defaults(), null, false);
    }

    public static ServerSettings of(String host, int port, boolean demoData) {
        return new ServerSettings(host, port, demoData, PullEvents.DEFAULT_RETENTION, null);
    }

    public ServerSettings withPullRetention(Duration retention) {
        return new ServerSettings(host, port, demoData, retention, metricsToken, web, tls, allowPlainHttp);
    }

    public ServerSettings withWeb(WebSettings pages) {
        return new ServerSettings(host, port, demoData, pullRetention, metricsToken, pages, tls, allowPlainHttp);
    }

    /** Serves HTTPS with this certificate and key. */
    public ServerSettings withTls(TlsSource source) {
        return new ServerSettings(host, port, demoData, pullRetention, metricsToken, web, source, allowPlainHttp);
    }

    public ServerSettings withPlainHttpAllowed(boolean allowed) {
        return new ServerSettings(host, port, demoData, pullRetention, metricsToken, web, tls, allowed);
    }

    @Override
    public String toString() {
        return "ServerSettings[host=" + host + ", port=" + port + ", demoData=" + demoData + ", pullRetention="
                + pullRetention + ", metricsToken=" + (metricsToken == null ? "none" : "***") + ", web=" + web + ", tls=" + tls
                + ", allowPlainHttp=" + allowPlainHttp + "]";
    }
}
