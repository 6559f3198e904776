package io.chainpos.server.cli;

import io.chainpos.server.sync.PullEvents;
import io.chainpos.server.sync.PullWaiters;
import io.chainpos.server.web.WebSettings;
import io.chainpos.server.tls.TlsSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the HTTP server runs, from flags and environment: where it listens, whether to seed the demo, how
 * long pull replays events before a till must take a snapshot, the token {@code /metrics} asks for
 * (none: open to whoever reaches the port, as Prometheus scrapes usually are), the certificate it serves
 * HTTPS with (none: plain HTTP), whether plain HTTP may listen on an address other than loopback, and how long
 * chain-wide events gather before the pulls waiting for them are woken, and the folder snapshots are spooled to (null:
 * a new one under the system's temporary folder).
 */
public record ServerSettings(String host, int port, boolean demoData, Duration pullRetention, String metricsToken, WebSettings web,
                             TlsSource tls, boolean allowPlainHttp, Duration chainLinger, Path snapshotSpool) {
    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(web, "web");
        Objects.requireNonNull(pullRetention, "pullRetention");
        Objects.requireNonNull(chainLinger, "chainLinger");
        if (metricsToken != null && metricsToken.isBlank()) {
            metricsToken = null;
        }
    }

    public ServerSettings(String host, int port, boolean demoData, Duration pullRetention, String metricsToken, WebSettings web,
                          TlsSource tls, boolean allowPlainHttp, Duration chainLinger) {
        this(host, port, demoData, pullRetention, metricsToken, web, tls, allowPlainHttp, chainLinger, null);
    }

    public ServerSettings(String host, int port, boolean demoData, Duration pullRetention, String metricsToken, WebSettings web,
                          TlsSource tls, boolean allowPlainHttp) {
        this(host, port, demoData, pullRetention, metricsToken, web, tls, allowPlainHttp, PullWaiters.DEFAULT_CHAIN_LINGER);
    }

    /** With the pages' default sessions (30 minutes idle). */
    public ServerSettings(String host, int port, boolean demoData, Duration pullRetention, String metricsToken) {
        this(host, port, demoData, pullRetention, metricsToken, WebSettings.defaults(), null, false);
    }

    public static ServerSettings of(String host, int port, boolean demoData) {
        return new ServerSettings(host, port, demoData, PullEvents.DEFAULT_RETENTION, null);
    }

    public ServerSettings withPullRetention(Duration retention) {
        return new ServerSettings(host, port, demoData, retention, metricsToken, web, tls, allowPlainHttp, chainLinger, snapshotSpool);
    }

    public ServerSettings withWeb(WebSettings pages) {
        return new ServerSettings(host, port, demoData, pullRetention, metricsToken, pages, tls, allowPlainHttp, chainLinger, snapshotSpool);
    }

    /** Serves HTTPS with this certificate and key. */
    public ServerSettings withTls(TlsSource source) {
        return new ServerSettings(host, port, demoData, pullRetention, metricsToken, web, source, allowPlainHttp, chainLinger, snapshotSpool);
    }

    public ServerSettings withPlainHttpAllowed(boolean allowed) {
        return new ServerSettings(host, port, demoData, pullRetention, metricsToken, web, tls, allowed, chainLinger, snapshotSpool);
    }

    /** Chain-wide events wake the waiting pulls this long after the first of them (zero: at once). */
    public ServerSettings withChainLinger(Duration linger) {
        return new ServerSettings(host, port, demoData, pullRetention, metricsToken, web, tls, allowPlainHttp, linger, snapshotSpool);
    }

    /** Spools snapshots in {@code folder} (null: a new folder under the system's temporary folder). */
    public ServerSettings withSnapshotSpool(Path folder) {
        return new ServerSettings(host, port, demoData, pullRetention, metricsToken, web, tls, allowPlainHttp, chainLinger, folder);
    }

    @Override
    public String toString() {
        return "ServerSettings[host=" + host + ", port=" + port + ", demoData=" + demoData + ", pullRetention="
                + pullRetention + ", metricsToken=" + (metricsToken == null ? "none" : "***") + ", web=" + web + ", tls=" + tls
                + ", allowPlainHttp=" + allowPlainHttp + ", chainLinger=" + chainLinger + ", snapshotSpool=" + snapshotSpool + "]";
    }
}
