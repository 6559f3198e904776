package io.chainpos.server.cli;

import io.chainpos.server.sync.PullEvents;
import io.chainpos.server.web.WebSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * How the HTTP server runs, from flags and environment: where it listens, whether to seed the demo, how
 * long pull replays events before a till must take a snapshot, and the token {@code /metrics} asks for
 * (none: open to whoever reaches the port, as Prometheus scrapes usually are).
 */
public record ServerSettings(String host, int port, boolean demoData, Duration pullRetention, String metricsToken, WebSettings web) {
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
        this(host, port, demoData, pullRetention, metricsToken, WebSettings.defaults());
    }

    public static ServerSettings of(String host, int port, boolean demoData) {
        return new ServerSettings(host, port, demoData, PullEvents.DEFAULT_RETENTION, null);
    }

    public ServerSettings withPullRetention(Duration retention) {
        return new ServerSettings(host, port, demoData, retention, metricsToken, web);
    }

    public ServerSettings withWeb(WebSettings pages) {
        return new ServerSettings(host, port, demoData, pullRetention, metricsToken, pages);
    }

    @Override
    public String toString() {
        return "ServerSettings[host=" + host + ", port=" + port + ", demoData=" + demoData + ", pullRetention="
                + pullRetention + ", metricsToken=" + (metricsToken == null ? "none" : "***") + ", web=" + web + "]";
    }
}
