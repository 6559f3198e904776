package io.chainpos.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.server.auth.JdbcUserAccounts;
import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.PageClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a browser would never send: a form without its CSRF token, with another's, or the same form twice. */
class FormsOverHttpTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onSqlite();

    private PageClient admin() {
        PageClient client = office.http();
        assertThat(client.signIn(office.user(Role.HQ_ADMIN), BackOffice.PASSWORD)).isTrue();
        return client;
    }

    private static Map<String, String> newUser(String name) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", name);
        form.put("role", "hq-analyst");
        form.put("store", "");
        form.put("password", "long enough 1");
        form.put("confirm", "long enough 1");
        return form;
    }

    private boolean exists(String name) {
        return new JdbcUserAccounts(office.server().storage.database()).find(name).isPresent();
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() {
        PageClient client = admin();
        client.get("/users/new");
        String once = client.formToken();

        Map<String, String> without = newUser("sneaky");
        without.put("_once", once);
        PageClient.Page missing = client.post("/users", without);
        Map<String, String> forged = new LinkedHashMap<>(without);
        forged.put("_csrf", "forged-token-of-another-site");
        PageClient.Page wrong = client.post("/users", forged);

        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.body()).contains("This form had expired or did not come from this site");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(exists("sneaky")).isFalse();

        client.get("/users/new");
        Map<String, String> genuine = newUser("sneaky");
        genuine.put("_csrf", client.csrfToken());
        genuine.put("_once", client.formToken());
        assertThat(client.post("/users", genuine).status()).isEqualTo(303);
        assertThat(exists("sneaky")).isTrue();
    }

    @Test
    void aSignInFormWithoutItsTokenIsRefused() {
        PageClient client = office.http();
        client.get("/signin");
        PageClient.Page page = client.post("/signin", Map.of("username", office.user(Role.HQ_ADMIN), "password", BackOffice.PASSWORD));

        assertThat(page.status()).isEqualTo(403);
    }

    @Test
    void aFormSentTwiceActsOnce() {
        PageClient client = admin();
        client.get("/users/new");
        Map<String, String> form = newUser("twice");
        form.put("_csrf", client.csrfToken());
        form.put("_once", client.formToken());

        PageClient.Page first = client.post("/users", form);
        PageClient.Page second = client.post("/users", form);

        assertThat(first.location()).isEqualTo("/users/twice?notice=user-created");
        assertThat(second.location()).isEqualTo("/users?notice=already-sent");
        assertThat(client.get("/audit?action=user.created&actor=" + office.user(Role.HQ_ADMIN)).body())
                .containsOnlyOnce("<td>twice</td>");
    }

    @Test
    void anAdminCannotChangeTheirOwnRoleAndIsToldSoOnARefusalPage() {
        PageClient client = admin();
        String self = office.user(Role.HQ_ADMIN);
        client.get("/users/new"); // one's own page offers no role form: the request is made by hand
        PageClient.Page page = client.post("/users/" + self + "/role", Map.of("_csrf", client.csrfToken(),
                "_once", client.formToken(), "role", "hq-analyst", "store", ""));

        assertThat(page.status()).isEqualTo(409);
        assertThat(page.body()).contains("<h1>Not done</h1>", "You cannot disable your own account or change your own role");
        assertThat(client.get("/users/" + self).body()).as("still an admin").contains("HQ admin");
    }

    @Test
    void everyWrongValueIsNamedNextToItsFieldAndNothingIsSaved() {
        PageClient client = admin();
        client.get("/users/new");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", client.csrfToken());
        form.put("_once", client.formToken());
        form.put("username", "bad name!");
        form.put("role", "store-manager");
        form.put("store", "");
        form.put("password", "short");
        form.put("confirm", "short");

        PageClient.Page page = client.post("/users", form);

        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("id=\"username-error\">A username is 1-64 letters")
                .contains("id=\"store-error\">A store manager needs the store they manage.")
                .contains("id=\"password-error\">A password is 8 to 1024 characters.")
                .contains("value=\"bad name!\"")
                .doesNotContain("value=\"short\"");
        assertThat(exists("bad name!")).isFalse();

        // The page came back with a fresh one-time token: corrected, the same form is acted on.
        form.put("_once", client.formToken());
        form.put("username", "wang.li");
        form.put("store", "S001");
        form.put("password", "long enough 2");
        form.put("confirm", "long enough 2");
        assertThat(client.post("/users", form).status()).isEqualTo(303);
        assertThat(new JdbcUserAccounts(office.server().storage.database()).find("wang.li").orElseThrow().store()).contains("S001");
    }
}
