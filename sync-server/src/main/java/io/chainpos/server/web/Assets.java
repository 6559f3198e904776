package io.chainpos.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The scripts and styles the pages load, all from this jar (no other host): htmx and ECharts from their
 * webjars, the pages' own style and script from {@code web/assets}. Only these names are served.
 */
final class Assets {
    record Asset(String resource, String contentType) {
    }

    private final Map<String, Asset> byName;

    Assets() {
        String htmx = "META-INF/resources/webjars/htmx.org/" + version("org.webjars.npm", "htmx.org") + "/dist/htmx.min.js";
        String echarts = "META-INF/resources/webjars/echarts/" + version("org.webjars", "echarts") + "/echarts.min.js";
        byName = Map.of(
                "htmx.min.js", new Asset(htmx, "text/javascript; charset=utf-8"),
                "echarts.min.js", new Asset(echarts, "text/javascript; charset=utf-8"),
                "app.js", new Asset("web/assets/app.js", "text/javascript; charset=utf-8"),
                "app.css", new Asset("web/assets/app.css", "text/css; charset=utf-8"));
        byName.values().forEach(asset -> {
            if (Assets.class.getClassLoader().getResource(asset.resource()) == null) {
                throw new IllegalStateException("the asset " + asset.resource() + " is not in the jar");
            }
        });
    }

    Optional<Asset> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    InputStream open(Asset asset) {
        return Assets.class.getClassLoader().getResourceAsStream(asset.resource());
    }

    private static String version(String group, String artifact) {
        String path = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the webjar " + artifact + " is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
