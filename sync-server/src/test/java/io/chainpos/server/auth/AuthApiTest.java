package io.chainpos.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.server.testing.Api;
import io.chainpos.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Enrollment codes, device tokens, epochs and head-office sign-in, through the API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthApiTest {
    /** The server under test: on a SQLite file here; {@code AuthApiOnPostgresTest} runs the same tests on PostgreSQL. */
    TestServer startServer(Path folder) {
        return TestServer.start(folder);
    }

    @TempDir
    Path dir;
    TestServer server;
    Api api;

    @BeforeEach
    void start() {
        server = startServer(dir);
        api = server.anonymous();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Api.Reply enroll(String code) {
        return api.post("/api/v1/enroll", "{\"code\":\"" + code + "\"}");
    }

    @Test
    void aCodeEnrollsItsTillOnceWithEpochOneAndAToken() {
        String code = server.enrollmentCode("S001", "S001-T1");

        Api.Reply first = enroll(code);
        Api.Reply again = enroll(code);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("storeId").asText()).isEqualTo("S001");
        assertThat(first.json().get("tillId").asText()).isEqualTo("S001-T1");
        assertThat(first.json().get("tillEpoch").asInt()).isEqualTo(1);
        assertThat(first.json().get("token").asText()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.json().get("detail").asText()).contains("already used");
    }

    @Test
    void aCodeIsReadTheWayPeopleTypeIt() {
        String code = server.enrollmentCode("S001", "S001-T1");

        assertThat(enroll(" " + code.toLowerCase().replace("-", " ") + " ").status()).isEqualTo(200);
    }

    @Test
    void everyEnrollmentOfATillGetsTheNextEpochAndRetiresTheOldToken() {
        String firstToken = enroll(server.enrollmentCode("S001", "S001-T1")).json().get("token").asText();

        Api.Reply second = enroll(server.enrollmentCode("S001", "S001-T1"));
        Api.Reply third = enroll(server.enrollmentCode("S001", "S001-T1"));

        assertThat(second.json().get("tillEpoch").asInt()).isEqualTo(2);
        assertThat(third.json().get("tillEpoch").asInt()).isEqualTo(3);
        assertThat(api.as(firstToken).get("/api/v1/sync/pull").status()).isEqualTo(401);
        assertThat(api.as(third.json().get("token").asText()).get("/api/v1/sync/pull").status()).isEqualTo(200);
    }

    @Test
    void aCodeExpiresAfterSevenDays() {
        String code = server.enrollmentCode("S001", "S001-T1");
        server.clock.advance(Enrollment.CODE_VALIDITY.plusSeconds(1));

        Api.Reply reply = enroll(code);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("detail").asText()).contains("expired");
    }

    @Test
    void unknownCodesAndBadBodiesAreRefused() {
        assertThat(enroll("AAAA-BBBB-CCCC-DDDD").status()).isEqualTo(401);
        assertThat(api.post("/api/v1/enroll", "{}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/enroll", "{\"code\":42}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/enroll", "[]").status()).isEqualTo(400);
    }

    /** Issue 14, guessing limited: ten unknown codes in a row from one address lock it for 15 minutes, good codes too. */
    @Test
    void tenUnknownCodesFromOneAddressLockItForAQuarterOfAnHour() {
        String good = server.enrollmentCode("S001", "S001-T1");
        for (int guess = 1; guess <= 9; guess++) {
            assertThat(enroll("AAAA-BBBB-CCCC-%04d".formatted(guess)).status()).isEqualTo(401);
        }
        assertThat(enroll("AAAA-BBBB-CCCC-0010").status()).as("the tenth unknown code is refused as unknown").isEqualTo(401);

        Api.Reply locked = enroll(good);
        server.clock.advance(Duration.ofMinutes(14));
        Api.Reply stillLocked = enroll(good);
        server.clock.advance(Duration.ofMinutes(1));
        Api.Reply after = enroll(good);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.error()).isEqualTo("locked");
        assertThat(locked.json().get("detail").asText()).contains("unknown enrollment codes from this address");
        assertThat(stillLocked.status()).isEqualTo(429);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().get("tillId").asText()).isEqualTo("S001-T1");
    }

    @Test
    void aGoodCodeClearsTheCountOfUnknownOnes() {
        for (int guess = 1; guess <= 9; guess++) {
            enroll("AAAA-BBBB-CCCC-%04d".formatted(guess));
        }
        assertThat(enroll(server.enrollmentCode("S001", "S001-T1")).status()).isEqualTo(200);
        for (int guess = 1; guess <= 9; guess++) {
            assertThat(enroll("DDDD-BBBB-CCCC-%04d".formatted(guess)).status()).isEqualTo(401);
        }
        assertThat(enroll(server.enrollmentCode("S001", "S001-T2")).status()).as("nine since the good one: not locked").isEqualTo(200);
    }

    @Test
    void aTillStaysInItsStoreAndHeadOfficeNamesAreReserved() {
        enroll(server.enrollmentCode("S001", "S001-T1"));
        Enrollment enrollment = new Enrollment(server.ports.accounts(), server.main.secrets(), server.clock);

        assertThat(enrollment.issueCode(io.chainpos.model.id.StoreId.of("S002"), io.chainpos.model.id.TillId.of("S001-T1")))
                .isInstanceOf(Enrollment.Issued.Refused.class);
        assertThat(enrollment.issueCode(io.chainpos.model.id.StoreId.of("HQ"), io.chainpos.model.id.TillId.of("T1")))
                .isInstanceOf(Enrollment.Issued.Refused.class);
        assertThat(enrollment.issueCode(io.chainpos.model.id.StoreId.of("S001"), io.chainpos.model.id.TillId.of("HQ")))
                .isInstanceOf(Enrollment.Issued.Refused.class);
    }

    @Test
    void headOfficeSignsInWithItsPasswordAndTheSessionExpires() {
        Users users = server.main.users(server.storage);
        users.create("laowang", Role.HQ_ADMIN, null, "secret password");

        Api.Reply ok = api.post("/api/v1/login", "{\"username\":\"laowang\",\"password\":\"secret password\"}");
        Api.Reply wrong = api.post("/api/v1/login", "{\"username\":\"laowang\",\"password\":\"guess\"}");
        Api.Reply nobody = api.post("/api/v1/login", "{\"username\":\"nobody\",\"password\":\"secret password\"}");
        Api session = api.as(ok.json().get("token").asText());

        assertThat(ok.status()).isEqualTo(200);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.error()).isEqualTo("unauthorized");
        assertThat(nobody.status()).isEqualTo(401);
        assertThat(nobody.json().get("detail")).isEqualTo(wrong.json().get("detail"));
        assertThat(session.get("/api/v1/exceptions").status()).isEqualTo(200);
        server.clock.advance(Users.SESSION_LIFETIME.plus(Duration.ofSeconds(1)));
        assertThat(session.get("/api/v1/exceptions").status()).isEqualTo(401);
    }

    @Test
    void theApiSignInObeysThePagesLockout() {
        server.main.users(server.storage).create("laowang", Role.HQ_ANALYST, null, "secret password");
        String wrong = "{\"username\":\"laowang\",\"password\":\"guess\"}";
        String right = "{\"username\":\"laowang\",\"password\":\"secret password\"}";

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(api.post("/api/v1/login", wrong).status()).isEqualTo(401);
            assertThat(api.post("/api/v1/login", right).status()).as("too soon after a wrong password").isEqualTo(429);
            server.clock.advance(Duration.ofSeconds(30));
        }
        Api.Reply locked = api.post("/api/v1/login", wrong);
        Api.Reply stillLocked = api.post("/api/v1/login", right);
        server.clock.advance(Duration.ofMinutes(15));
        Api.Reply after = api.post("/api/v1/login", right);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.error()).isEqualTo("locked");
        assertThat(stillLocked.status()).isEqualTo(429);
        assertThat(after.status()).isEqualTo(200);
    }

    @Test
    void accountsAreCreatedOnceWithAUsablePassword() {
        Users users = server.main.users(server.storage);

        assertThat(users.create("boss", Role.OWNER, null, "long enough")).isInstanceOf(Users.Created.Done.class);
        assertThat(users.create("boss", Role.HQ_ADMIN, null, "long enough")).isInstanceOf(Users.Created.Refused.class);
        assertThat(users.create("short", Role.HQ_ADMIN, null, "1234567")).isInstanceOf(Users.Created.Refused.class);
        assertThat(users.create("bad name!", Role.HQ_ADMIN, null, "long enough")).isInstanceOf(Users.Created.Refused.class);
    }

    @Test
    void theBearerHeaderMustBeWellFormed() {
        for (String header : new String[] {"Basic abc", "Bearer", "Bearer ", "token"}) {
            Api.Reply reply = api.send(api.request("/api/v1/sync/pull").header("Authorization", header).GET());
            assertThat(reply.status()).as(header).isEqualTo(401);
            assertThat(reply.error()).isEqualTo("unauthorized");
        }
    }
}
