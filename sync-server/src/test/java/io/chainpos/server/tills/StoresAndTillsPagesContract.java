package io.chainpos.server.tills;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.ShiftClosed;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.id.ShiftId;
import io.chainpos.model.sync.SyncHeaders;
import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.Api;
import io.chainpos.server.testing.Facts;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.Browser;
import io.chainpos.server.testing.web.PageClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Stores and tills in head office's pages, in a real headless Chromium against the real server on loopback. */
abstract class StoresAndTillsPagesContract {
    /** The server and browsers of the test class. */
    abstract BackOffice office();

    @Test
    void anAdminCreatesAStoreWithEachWrongValueNamedBesideItsFieldAndNothingStoredUntilAllAreRight() {
        Browser browser = office().signInAs(Role.HQ_ADMIN).open("/stores").click("new-store");

        browser.fill("id", "S 010").fill("name", " ").fill("address", "1 Nanjing Road").fill("zone", "Mars/Olympus")
                .click("new-store-submit");

        assertThat(browser.text("id-error")).isEqualTo("An id is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        assertThat(browser.text("name-error")).isEqualTo("Give the store a name.");
        assertThat(browser.text("zone-error")).isEqualTo("This is not a time zone: give a region such as Asia/Shanghai.");
        assertThat(browser.has("address-error")).isFalse();
        assertThat(office().browser().open("/stores").texts("#stores tbody td")).as("nothing was stored").doesNotContain("S 010");

        browser.open("/stores/new").fill("id", "S010").fill("address", "1 Nanjing Road").fill("name", "People's Square").fill("zone", "Asia/Shanghai").click("new-store-submit");

        assertThat(browser.path()).isEqualTo("/stores/S010");
        assertThat(browser.text("notice")).isEqualTo("The store was created.");
        assertThat(browser.text("store-name")).isEqualTo("People's Square");
        assertThat(browser.text("store-address")).isEqualTo("1 Nanjing Road");
        assertThat(browser.text("store-zone")).isEqualTo("Asia/Shanghai");
        assertThat(browser.open("/stores?q=people").texts("#stores tbody td")).contains("S010", "People's Square");
        assertThat(browser.open("/audit?action=store.created").texts("#audit tbody tr")).filteredOn(row -> row.contains("S010"))
                .singleElement().asString().contains("Created a store", "hq-admin", "People's Square");
    }

    @Test
    void theSecondOfTwoAdminsEditingOneStoreIsToldAndKeepsTheirValues() {
        createStore("S011", "Xujiahui", "Asia/Shanghai");
        Browser first = office().signInAs(Role.HQ_ADMIN).open("/stores/S011");
        PageClient second = office().http();
        second.signIn(office().user(Role.HQ_ADMIN), BackOffice.PASSWORD);
        second.get("/stores/S011");
        assertThat(second.post("/stores/S011", Map.of("_csrf", second.csrfToken(), "_once", second.formToken(), "version", "1",
                "name", "Xujiahui North", "address", "2 Hongqiao Road", "zone", "Asia/Shanghai")).status()).isEqualTo(303);

        first.fill("name", "Xujiahui Mall").fill("zone", "Asia/Urumqi").click("edit-store-submit");

        assertThat(first.text("store-conflict")).startsWith("Someone else changed this store while you were editing it.")
                .contains("Xujiahui North");
        assertThat(first.text("store-name")).as("nothing of the second edit was stored").isEqualTo("Xujiahui North");
        assertThat(first.driver().findElement(org.openqa.selenium.By.id("name")).getAttribute("value")).isEqualTo("Xujiahui Mall");

        first.click("edit-store-submit");

        assertThat(first.text("notice")).isEqualTo("The store was saved.");
        assertThat(first.text("store-name")).isEqualTo("Xujiahui Mall");
        assertThat(first.text("store-zone")).isEqualTo("Asia/Urumqi");
    }

    @Test
    void aTillShowsItsLastPushVersionAndLagInItsStoresZoneAndGoesOfflineWhenSilent() {
        createStore("S012", "Times Square", "America/New_York");
        TestServer.EnrolledTill till = office().server().enroll("S012", "S012-T1");
        Api.Reply pushed = till.api().send(till.api().request("/api/v1/sync/push").header(SyncHeaders.APP_VERSION, "1.4.2")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Json.push(till.writer(),
                        till.writer().next(List.of(Facts.stock("S012", "690001", 5_000, StockChanged.Reason.RECEIPT)))))));
        assertThat(pushed.status()).isEqualTo(200);

        Browser browser = office().signInAs(Role.HQ_ADMIN).open("/stores/S012/tills");

        // 2026-11-23T03:00Z is the evening before in New York.
        assertThat(browser.texts("#till-S012-T1 .till-last-push")).singleElement().asString().isEqualTo("22 Nov 2026, 22:00:00");
        assertThat(browser.texts("#till-S012-T1 .till-version")).containsExactly("1.4.2");
        assertThat(browser.texts("#till-S012-T1 .till-online")).containsExactly("Online");
        assertThat(browser.texts("#till-S012-T1 .till-status")).containsExactly("Live");

        office().server().clock.advance(Duration.ofMinutes(6));
        assertThat(browser.open("/stores/S012/tills").texts("#till-S012-T1 .till-online")).containsExactly("Offline");
        assertThat(browser.open("/tills?store=S012").texts("#tills tbody tr")).singleElement().asString().contains("S012-T1");
    }

    /**
     * Issue 16: a till says with every push how far its ledger goes; what it holds and the server has not received is
     * listed by event and receipt number, and stays listed when the till is never heard from again.
     */
    @Test
    void whatATillHoldsAndTheServerHasNotReceivedIsListedByNumber() {
        createStore("S016", "Wujiaochang", "Asia/Shanghai");
        TestServer.EnrolledTill till = office().server().enroll("S016", "S016-T1");
        // Seven events sold on the till; this push brings the first three (receipts 1 and 2) and says the ledger goes
        // through seq 7 with receipt 5: events 4-7 and receipts 3-5 have not arrived.
        List<EventEnvelope> events = till.writer().next(List.of(Facts.sale("S016-T1-1-000001", "690001", 300),
                Facts.stock("S016", "690001", -1_000, StockChanged.Reason.SALE), Facts.sale("S016-T1-1-000002", "690001", 300)));
        com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(
                Json.push(till.writer(), events));
        body.putObject("held").put("throughSeq", 7).put("lastReceipt", "S016-T1-1-000005");
        assertThat(till.api().post("/api/v1/sync/push", body.toString()).status()).isEqualTo(200);
        body.putObject("held").put("throughSeq", 0);
        assertThat(till.api().post("/api/v1/sync/push", body.toString()).status()).as("a held that says nothing").isEqualTo(400);

        Browser browser = office().signInAs(Role.HQ_ADMIN).open("/stores/S016/tills");
        assertThat(browser.texts("#till-S016-T1 .till-not-received div"))
                .containsExactly("Epoch 1: events #4-#7 not received, receipts S016-T1-1-000003 to S016-T1-1-000005 (3)");
        Browser chinese = BackOffice.signIn(office().browser("zh-CN"), office().user(Role.HQ_ADMIN), BackOffice.PASSWORD);
        assertThat(chinese.open("/stores/S016/tills").texts("#till-S016-T1 .till-not-received div"))
                .containsExactly("第 1 期：事件 #4-#7 未收到，小票 S016-T1-1-000003 至 S016-T1-1-000005（3 张）");

        // The rest arrives: nothing is listed any more.
        List<EventEnvelope> rest = till.writer().next(List.of(Facts.sale("S016-T1-1-000003", "690001", 300),
                Facts.sale("S016-T1-1-000004", "690001", 300), Facts.stock("S016", "690001", -2_000, StockChanged.Reason.SALE),
                Facts.sale("S016-T1-1-000005", "690001", 300)));
        assertThat(rest.getLast().tillSeq()).isEqualTo(7);
        com.fasterxml.jackson.databind.node.ObjectNode restBody = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(
                Json.push(till.writer(), rest));
        restBody.putObject("held").put("throughSeq", 7).put("lastReceipt", "S016-T1-1-000005");
        assertThat(till.api().post("/api/v1/sync/push", restBody.toString()).status()).isEqualTo(200);
        assertThat(browser.open("/stores/S016/tills").texts("#till-S016-T1 .till-not-received div")).isEmpty();
    }

    @Test
    void aTillsChainPageShowsTheHeadAndEachShiftCloseAsTheZReportPrintsThemAndABreakIsListedInThePagesLanguage() {
        createStore("S015", "Nanjing Road", "Asia/Shanghai");
        TestServer.EnrolledTill till = office().server().enroll("S015", "S015-T1");
        List<EventEnvelope> events = new ArrayList<>();
        String prev = "0".repeat(64);
        for (io.chainpos.model.event.Event payload : List.<io.chainpos.model.event.Event>of(
                Facts.stock("S015", "690001", 5_000, StockChanged.Reason.RECEIPT),
                new ShiftClosed(ShiftId.newId(office().server().clock), "cashier-01", 50_000, 50_000),
                Facts.stock("S015", "690001", -1_000, StockChanged.Reason.SALE))) {
            EventEnvelope event = till.writer().next(payload).withPrevHash(prev);
            events.add(event);
            prev = sha256(event);
        }
        EventEnvelope wronglyChained = till.writer().next(Facts.stock("S015", "690001", -1_000, StockChanged.Reason.SALE))
                .withPrevHash(sha256(events.get(0)));
        events.add(wronglyChained);
        assertThat(till.push(events).status()).isEqualTo(200);

        Browser browser = office().signInAs(Role.HQ_ADMIN).open("/stores/S015/tills");
        browser.driver().findElement(By.cssSelector("#till-S015-T1 a.till-chain")).click();

        assertThat(browser.path()).isEqualTo("/stores/S015/tills/S015-T1/chain");
        assertThat(browser.texts("#head-1 td")).containsExactly("1", "#4", sha256(wronglyChained).substring(0, 12));
        assertThat(browser.texts("#close-1-2 td")).endsWith("1", "#2", sha256(events.get(1)).substring(0, 12));
        Browser chinese = BackOffice.signIn(office().browser("zh-CN"), office().user(Role.HQ_ADMIN), BackOffice.PASSWORD);
        assertThat(chinese.open("/exceptions?store=S015").texts("#exceptions tbody td")).contains("收银机事件链断裂（单据被删除或篡改）",
                "第 1 期第 4 号：第 3 号事件在本事件链接之后被修改或替换（应为 %s，该事件记载 %s）".formatted(
                        sha256(events.get(2)).substring(0, 12), sha256(events.get(0)).substring(0, 12)));
    }

    /** SHA-256 of an event's canonical JSON, the protocol's hash, taken here rather than by the server's code. */
    private static String sha256(EventEnvelope event) {
        try {
            byte[] canonical = Json.CODEC.canonical(Json.CODEC.toTree(event)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aStoresSalesAreShownAtTheTimesOfTheStoresOwnZone() {
        createStore("S014", "Urumqi Grand Bazaar", "Asia/Urumqi");
        TestServer.EnrolledTill till = office().server().enroll("S014", "S014-T1");
        java.time.Instant soldAt = office().server().clock.instant();
        Api.Reply pushed = till.api().post("/api/v1/sync/push", Json.push(till.writer(),
                till.writer().next(List.of(Facts.sale("S014-T1-000001", "690001", 1_250)))));
        assertThat(pushed.status()).isEqualTo(200);

        java.time.format.DateTimeFormatter english = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss",
                java.util.Locale.ENGLISH);
        String urumqi = english.withZone(java.time.ZoneId.of("Asia/Urumqi")).format(soldAt);
        assertThat(urumqi).as("the two zones differ by two hours")
                .isNotEqualTo(english.withZone(java.time.ZoneId.of("Asia/Shanghai")).format(soldAt));
        Browser browser = office().signInAs(Role.HQ_ADMIN).open("/stores/S014/sales");
        assertThat(browser.texts("#sales tbody tr.sale td")).contains("S014-T1-000001", urumqi);

        // the chain's list shows each store's newest sale in that store's own zone (the zones read at once for many stores)
        createStore("S017", "Fifth Avenue", "America/New_York");
        TestServer.EnrolledTill newYork = office().server().enroll("S017", "S017-T1");
        assertThat(newYork.api().post("/api/v1/sync/push", Json.push(newYork.writer(),
                newYork.writer().next(List.of(Facts.sale("S017-T1-000001", "690001", 990))))).status()).isEqualTo(200);
        String inNewYork = english.withZone(java.time.ZoneId.of("America/New_York")).format(office().server().clock.instant());
        browser.open("/sales");
        assertThat(browser.texts("#sales-stores tbody tr td")).containsSubsequence("S014", urumqi).containsSubsequence("S017", inNewYork);
    }

    @Test
    void anAdminIssuesACodeInTheBrowserARevokedTillIsRefusedAndAReplacementCodeEnrollsItAgain() {
        createStore("S013", "Lujiazui", "Asia/Shanghai");
        Browser browser = office().signInAs(Role.HQ_ADMIN).open("/stores/S013/tills");
        browser.fill("till", "HQ").click("enroll-till-submit");
        assertThat(browser.text("till-error")).isEqualTo("This id is head office's own; choose another.");

        browser.fill("till", "S013-T1").click("enroll-till-submit");
        String code = browser.text("enrollment-code");
        assertThat(browser.text("enrollment-expires")).isEqualTo("Valid until 30 Nov 2026, 11:00:00 (the store's time).");
        Api.Reply enrolled = office().server().anonymous().post("/api/v1/enroll", "{\"code\":\"" + code + "\"}");
        assertThat(enrolled.status()).isEqualTo(200);
        Api tillApi = new Api(office().server().uri(), enrolled.json().get("token").asText());
        assertThat(tillApi.get("/api/v1/sync/pull?after=0").status()).isEqualTo(200);

        browser.open("/stores/S013/tills").clickConfirming("revoke-S013-T1-submit");

        assertThat(browser.text("notice")).isEqualTo("The till was revoked: its token is refused from now on.");
        assertThat(browser.texts("#till-S013-T1 .till-status")).singleElement().asString().startsWith("Revoked");
        assertThat(tillApi.get("/api/v1/sync/pull?after=0").status()).isEqualTo(401);
        assertThat(tillApi.post("/api/v1/sync/push", "{\"tillId\":\"S013-T1\",\"tillEpoch\":1,\"events\":[]}").status())
                .as("a revoked till's push").isEqualTo(401);
        assertThat(browser.open("/audit?action=till.revoked").texts("#audit tbody tr")).singleElement().asString().contains("S013-T1");

        browser.open("/stores/S013/tills").click("replace-S013-T1-submit");
        Api.Reply again = office().server().anonymous().post("/api/v1/enroll", "{\"code\":\"" + browser.text("enrollment-code") + "\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("tillEpoch").asInt()).as("a new installation").isEqualTo(2);
        assertThat(new Api(office().server().uri(), again.json().get("token").asText()).get("/api/v1/sync/pull?after=0").status())
                .isEqualTo(200);
        assertThat(browser.open("/stores/S013/tills").texts("#till-S013-T1 .till-status")).containsExactly("Live");
    }

    @Test
    void aStoreManagerSeesOnlyTheirStoresTillsAndIsRefusedAnotherStoresTillsAndActions() {
        office().server().enroll(BackOffice.STORE, BackOffice.STORE + "-T9");
        office().server().enroll("S002", "S002-T9");
        Browser browser = office().signInAs(Role.STORE_MANAGER);

        assertThat(browser.open("/stores/" + BackOffice.STORE + "/tills").texts("#tills tbody tr"))
                .allSatisfy(row -> assertThat(row).startsWith(BackOffice.STORE + "-")).isNotEmpty();
        assertThat(browser.has("enroll-till")).isFalse();
        for (String path : List.of("/stores/S002/tills", "/tills", "/tills.csv?store=S002", "/stores", "/stores/S002")) {
            assertThat(browser.open(path).heading()).as(path).isEqualTo("Not allowed");
        }
        PageClient http = office().http();
        http.signIn(office().user(Role.STORE_MANAGER), BackOffice.PASSWORD);
        http.get("/stores/" + BackOffice.STORE + "/tills");
        assertThat(http.post("/stores/" + BackOffice.STORE + "/tills/" + BackOffice.STORE + "-T9/revoke",
                Map.of("_csrf", http.csrfToken())).status()).isEqualTo(403);
    }

    private void createStore(String id, String name, String zone) {
        PageClient admin = office().http();
        admin.signIn(office().user(Role.HQ_ADMIN), BackOffice.PASSWORD);
        admin.get("/stores/new");
        var created = admin.post("/stores", Map.of("_csrf", admin.csrfToken(), "_once", admin.formToken(), "id", id, "name", name,
                "address", "", "zone", zone));
        assertThat(created.status()).as(created.body()).isEqualTo(303);
    }
}
