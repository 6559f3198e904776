package io.chainpos.till.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The till program's version, as the build wrote it; sent to the sync server with every request. */
public final class AppVersion {
    private static final String CURRENT = read();

    private AppVersion() {
    }

    public static String current() {
        return CURRENT;
    }

    private static String read() {
        try (InputStream in = AppVersion.class.getResourceAsStream("/io/chainpos/till/app-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            return version.isBlank() || version.startsWith("${") ? "unknown" : version.strip();
        } catch (IOException e) {
            throw new UncheckedIOException("the till's version file cannot be read", e);
        }
    }
}
