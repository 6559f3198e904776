package io.chainpos.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.PageClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pages' session: its cookie, its idle timeout, sign-out, and an account disabled while signed in. */
class SessionsTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onSqlite();

    @Test
    void theSessionCookieIsHttpOnlyLaxAndSecureBehindAnHttpsProxy() {
        PageClient plain = office.http();
        PageClient.Page overHttp = plain.signInAnswer(office.user(Role.HQ_ANALYST), BackOffice.PASSWORD);
        // Behind an HTTPS proxy every cookie of the pages is Secure (so this plain client would not send it back).
        PageClient.Page overHttps = office.http().get("/signin", "X-Forwarded-Proto", "https");
        PageClient.Page overHttpsDirect = office.http().get("/signin");

        String cookie = overHttp.setCookies().stream().filter(c -> c.startsWith("chainpos_session=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        assertThat(overHttps.setCookies().stream().filter(c -> c.startsWith("chainpos_signin=")).findFirst().orElseThrow())
                .contains("HttpOnly").contains("SameSite=Lax").contains("Secure");
        assertThat(overHttpsDirect.setCookies().stream().filter(c -> c.startsWith("chainpos_signin=")).findFirst().orElseThrow())
                .doesNotContain("Secure");
    }

    @Test
    void aSessionEndsAfterThirtyMinutesWithoutARequestAndActivityKeepsItAlive() {
        PageClient client = office.http();
        assertThat(client.signIn(office.user(Role.HQ_ANALYST), BackOffice.PASSWORD)).isTrue();

        office.server().clock.advance(Duration.ofMinutes(20));
        assertThat(client.get("/").status()).isEqualTo(200);
        office.server().clock.advance(Duration.ofMinutes(20));
        assertThat(client.get("/").status()).as("20 minutes after the last request").isEqualTo(200);
        office.server().clock.advance(Duration.ofMinutes(31));
        PageClient.Page idle = client.get("/users");

        assertThat(idle.status()).isEqualTo(303);
        assertThat(idle.location()).isEqualTo("/signin?next=%2Fusers&notice=signed-out");
    }

    @Test
    void signingOutEndsTheSession() {
        PageClient client = office.http();
        assertThat(client.signIn(office.user(Role.HQ_ANALYST), BackOffice.PASSWORD)).isTrue();
        client.get("/");

        PageClient.Page out = client.post("/signout", Map.of("_csrf", client.csrfToken()));

        assertThat(out.location()).isEqualTo("/signin?notice=signed-out-by-you");
        assertThat(client.get("/").location()).startsWith("/signin?next=");
    }

    @Test
    void disablingAnAccountSignsItOutAtOnce() {
        office.createUser("temp.staff", Role.HQ_ANALYST, null);
        PageClient staff = office.http();
        assertThat(staff.signIn("temp.staff", BackOffice.PASSWORD)).isTrue();
        PageClient admin = office.http();
        assertThat(admin.signIn(office.user(Role.HQ_ADMIN), BackOffice.PASSWORD)).isTrue();
        admin.get("/users/temp.staff");

        PageClient.Page disabled = admin.post("/users/temp.staff/disable",
                Map.of("_csrf", admin.csrfToken(), "_once", admin.formToken()));

        assertThat(disabled.location()).isEqualTo("/users/temp.staff?notice=user-disabled");
        assertThat(staff.get("/").location()).startsWith("/signin?next=");
        assertThat(staff.signInAnswer("temp.staff", BackOffice.PASSWORD).body()).contains("This account is disabled.");
    }
}
