package io.chainpos.server.db;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Which database to open and how: a SQLite file path or {@code jdbc:sqlite:} URL, or a
 * {@code jdbc:postgresql://} URL with its user, password and pool size; and the file of keys that wrap the
 * secrets it keeps at rest ({@link KeyRing}), or null for none.
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, Duration connectTimeout, Path keyFile) {
    public static final int DEFAULT_POOL = 16;

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (poolSize < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection");
        }
    }

    /** {@code spec} with the defaults: credentials from the URL, 16 connections, 30 s to connect. */
    public static DatabaseSettings of(String spec) {
        return new DatabaseSettings(spec, null, null, DEFAULT_POOL, Duration.ofSeconds(30), null);
    }

    public DatabaseSettings withCredentials(String newUser, String newPassword) {
        return new DatabaseSettings(url, newUser, newPassword, poolSize, connectTimeout, keyFile);
    }

    public DatabaseSettings withPoolSize(int size) {
        return new DatabaseSettings(url, user, password, size, connectTimeout, keyFile);
    }

    public DatabaseSettings withConnectTimeout(Duration timeout) {
        return new DatabaseSettings(url, user, password, poolSize, timeout, keyFile);
    }

    /** With the key-encryption keys in {@code file} (null: none). */
    public DatabaseSettings withKeyFile(Path file) {
        return new DatabaseSettings(url, user, password, poolSize, connectTimeout, file);
    }

    public boolean isPostgres() {
        return url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }

    /** The URL for messages and logs: without a password given in it. */
    public String redactedUrl() {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + redactedUrl() + ", user=" + user + ", poolSize=" + poolSize + ", keyFile=" + keyFile + "]";
    }
}
