package io.chainpos.server.testing.web;

import io.chainpos.server.auth.Role;
import io.chainpos.server.auth.Users;
import io.chainpos.server.testing.EmbeddedDatabase;
import io.chainpos.server.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;

/**
 * Head office's pages under test, for a whole test class: the real server on a loopback port (SQLite in a temp
 * folder, or embedded PostgreSQL), one account per role, and real headless Chromium browsers (one per
 * Accept-Language, their cookies cleared before each test). Use it as
 * {@code @RegisterExtension static final BackOffice office = BackOffice.onSqlite();}, then
 * {@code office.signInAs(Role.HQ_ADMIN).open("/users")}; plain HTTP (no browser) through {@link #http()}.
 */
public final class BackOffice implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    public static final String PASSWORD = "correct horse battery";
    /** The store of the store manager's account; another store's pages are refused to them. */
    public static final String STORE = "S001";

    private final boolean postgres;
    private Path folder;
    private TestServer server;
    private final Map<String, WebDriver> drivers = new HashMap<>();
    private final Map<Role, String> users = new EnumMap<>(Role.class);

    private BackOffice(boolean postgres) {
        this.postgres = postgres;
    }

    public static BackOffice onSqlite() {
        return new BackOffice(false);
    }

    public static BackOffice onPostgres() {
        return new BackOffice(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            folder = Files.createTempDirectory("chainpos-back-office-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = postgres ? TestServer.on(EmbeddedDatabase.newDatabase(), TestServer.settings(false)) : TestServer.start(folder);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        drivers.values().forEach(driver -> driver.manage().deleteAllCookies());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        drivers.values().forEach(WebDriver::quit);
        drivers.clear();
        if (server != null) {
            server.close();
        }
        io.chainpos.server.testing.TempFolders.delete(folder);
    }

    public TestServer server() {
        return server;
    }

    /** The username of this role's account (made on first use; the store manager's store is {@link #STORE}). */
    public String user(Role role) {
        return users.computeIfAbsent(role, r -> {
            String name = r.label();
            createUser(name, r, r.isBoundToAStore() ? STORE : null);
            return name;
        });
    }

    /** Makes an account with {@link #PASSWORD}. */
    public void createUser(String name, Role role, String store) {
        Users.Created created = server.main.users(server.storage).create(name, role, store, PASSWORD);
        if (!(created instanceof Users.Created.Done)) {
            throw new IllegalStateException("cannot create " + name + ": " + created);
        }
    }

    /** The English-speaking browser, signed out. */
    public Browser browser() {
        return browser("en");
    }

    /** A browser whose Accept-Language is {@code acceptLanguage}, signed out. */
    public Browser browser(String acceptLanguage) {
        return new Browser(drivers.computeIfAbsent(acceptLanguage, Chromium::start), server.uri());
    }

    /** The English browser signed in by the sign-in form as this role's account, on the home page. */
    public Browser signInAs(Role role) {
        return signIn(browser(), user(role), PASSWORD);
    }

    public static Browser signIn(Browser browser, String username, String password) {
        return browser.open("/signin").fill("username", username).fill("password", password).click("signin-submit");
    }

    /** A plain HTTP client with its own cookies, for what a browser would not send (a form without its token). */
    public PageClient http() {
        return new PageClient(server.uri());
    }
}
