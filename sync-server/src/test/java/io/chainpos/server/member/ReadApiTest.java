package io.chainpos.server.member;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.merged;
import static io.chainpos.server.testing.Facts.points;
import static io.chainpos.server.testing.Facts.registered;
import static io.chainpos.server.testing.Facts.stock;
import static io.chainpos.server.testing.Facts.storedValue;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.StockChanged;
import io.chainpos.model.sync.MemberView;
import io.chainpos.model.sync.StockView;
import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.Api;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.TestServer.EnrolledTill;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Members, stock and exceptions as tills and head office read them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadApiTest {
    /** The server under test: on a SQLite file here; {@code ReadApiOnPostgresTest} runs the same tests on PostgreSQL. */
    TestServer startServer(Path folder) {
        return TestServer.start(folder);
    }

    Path dir;
    TestServer server;
    EnrolledTill a1;
    EnrolledTill b1;
    Api headOffice;

    @BeforeAll
    void start(@TempDir Path folder) {
        dir = folder;
        server = startServer(dir);
        a1 = server.enroll("S001", "S001-T1");
        b1 = server.enroll("S002", "S002-T1");
        headOffice = server.headOffice();
        a1.push(a1.writer().next(List.of(registered(member(1), "13800138000", "王小明"), points(member(1), 120),
                storedValue(member(1), 10_000), stock("S001", "690001", 24_000, StockChanged.Reason.RECEIPT))));
        b1.push(b1.writer().next(List.of(registered(member(2), "13800138000", "王小明"), points(member(2), -20),
                merged(member(1), member(2)), stock("S002", "690001", -1_000, StockChanged.Reason.SALE))));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static MemberView memberOf(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return Json.CODEC.read(reply.body(), MemberView.class);
    }

    @Test
    void aMemberIsFoundByIdMergedWithBalancesAsSums() {
        MemberView view = memberOf(b1.api().get("/api/v1/members/" + member(1)));

        assertThat(view).isEqualTo(new MemberView(member(1).toString(), "88" + member(1).value().toString().substring(24),
                "王小明", "13800138000", "NORMAL", 100, 10_000));
    }

    @Test
    void aMergedIdAndThePhoneFindTheSurvivor() {
        MemberView byMergedId = memberOf(a1.api().get("/api/v1/members/" + member(2)));
        MemberView byPhone = memberOf(a1.api().memberByPhone("13800138000"));

        assertThat(byMergedId.memberId()).isEqualTo(member(1).toString());
        assertThat(byPhone).isEqualTo(byMergedId);
    }

    @Test
    void headOfficeReadsMembersToo() {
        assertThat(memberOf(headOffice.memberByPhone("13800138000")).pointsBalance()).isEqualTo(100);
    }

    @Test
    void anUnknownMemberIs404Json() {
        Api.Reply byId = a1.api().get("/api/v1/members/" + member(99));
        Api.Reply byPhone = a1.api().memberByPhone("13000000000");

        assertThat(byId.status()).isEqualTo(404);
        assertThat(byId.error()).isEqualTo("not_found");
        assertThat(byPhone.status()).isEqualTo(404);
        assertThat(byPhone.json().get("detail").asText()).doesNotContain("13000000000");
    }

    @Test
    void badMemberQueriesAre400() {
        assertThat(a1.api().get("/api/v1/members/not-a-uuid").status()).isEqualTo(400);
        assertThat(a1.api().get("/api/v1/members").status()).isEqualTo(400);
        assertThat(a1.api().memberByPhone("1".repeat(40)).status()).isEqualTo(400);
    }

    @Test
    void aPhoneInTheUrlIsRefusedWithoutEchoingItAndTheBodyFormAnswers() {
        Api.Reply inUrl = a1.api().get("/api/v1/members?phone=13800138000");

        assertThat(inUrl.status()).isEqualTo(400);
        assertThat(inUrl.error()).isEqualTo("phone_in_url");
        assertThat(inUrl.json().get("detail").asText()).contains("POST /api/v1/members/lookup").doesNotContain("13800138000");
        assertThat(server.anonymous().get("/api/v1/members?phone=13800138000").error()).as("whoever asks").isEqualTo("phone_in_url");
        assertThat(a1.api().memberByPhone("13800138000").status()).isEqualTo(200);
        assertThat(a1.api().post("/api/v1/members/lookup", "{}").status()).isEqualTo(400);
        assertThat(a1.api().post("/api/v1/members/lookup", "not json").status()).isEqualTo(400);
        assertThat(server.anonymous().memberByPhone("13800138000").status()).isEqualTo(401);
    }

    @Test
    void membersNeedATillOrHeadOffice() {
        assertThat(server.anonymous().get("/api/v1/members/" + member(1)).status()).isEqualTo(401);
        assertThat(server.signedIn(Role.CASHIER).get("/api/v1/members/" + member(1)).status()).isEqualTo(403);
    }

    @Test
    void stockIsPerStore() {
        Api.Reply s1 = a1.api().get("/api/v1/stock?storeId=S001&sku=690001");
        Api.Reply s2 = headOffice.get("/api/v1/stock?storeId=S002&sku=690001");
        Api.Reply none = a1.api().get("/api/v1/stock?storeId=S003&sku=690001");

        assertThat(Json.CODEC.read(s1.body(), StockView.class)).isEqualTo(new StockView("S001", "690001", 24_000));
        assertThat(Json.CODEC.read(s2.body(), StockView.class).qtyMilli()).isEqualTo(-1_000);
        assertThat(Json.CODEC.read(none.body(), StockView.class).qtyMilli()).isZero();
        assertThat(a1.api().get("/api/v1/stock?storeId=S001&sku=").status()).isEqualTo(400);
        assertThat(a1.api().get("/api/v1/stock?storeId=bad%20id&sku=1").status()).isEqualTo(400);
    }

    @Test
    void exceptionsAreForHeadOfficeOnly() {
        Api.Reply reply = headOffice.get("/api/v1/exceptions");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("exceptions").findValuesAsText("kind"))
                .contains("POINTS_OVERDRAFT", "NEGATIVE_STOCK");
        assertThat(headOffice.get("/api/v1/exceptions?limit=1").json().get("exceptions")).hasSize(1);
        assertThat(headOffice.get("/api/v1/exceptions?limit=0").status()).isEqualTo(400);
        assertThat(a1.api().get("/api/v1/exceptions").status()).isEqualTo(403);
        assertThat(server.signedIn(Role.OWNER).get("/api/v1/exceptions").status()).isEqualTo(403);
        assertThat(server.anonymous().get("/api/v1/exceptions").status()).isEqualTo(401);
    }
}
