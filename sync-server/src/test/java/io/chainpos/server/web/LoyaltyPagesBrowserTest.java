package io.chainpos.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.Browser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Head office's loyalty pages in a real headless Chromium: a wrong value named on its field, then published to the tills. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoyaltyPagesBrowserTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onSqlite();

    @Test
    @Order(1) // first: it starts from a chain without rules
    void aWrongValueIsNamedOnItsFieldAndNothingIsPublishedUntilEveryValueIsRight() {
        TestServer.EnrolledTill till = office.server().enroll("S001", "S001-T1");
        Browser browser = office.signInAs(Role.HQ_ADMIN).open("/loyalty");
        assertThat(browser.text("no-rules")).isEqualTo("Head office has published no loyalty rules yet.");

        browser.click("edit-loyalty");
        fillRules(browser, "twelve", "NORMAL 普通 Regular 0 100 1 0\nSILVER 银卡 Silver 1000 98 1.2 100");
        browser.click("loyalty-submit");
        assertThat(browser.text("expiryMonths-error")).isEqualTo("A whole number from 0 to 120.");
        assertThat(browser.has("pointsPerYuan-error")).isFalse();
        assertThat(browser.has("tiers-error")).isFalse();

        fillRules(browser, "12", "NORMAL 普通 Regular 0 100 1 0\nSILVER 银卡 Silver 0 98 1.2 100");
        browser.click("loyalty-submit");
        assertThat(browser.text("tiers-error")).isEqualTo("Line 2: the first tier starts at 0 and each next one higher.");
        assertThat(browser.has("expiryMonths-error")).isFalse();
        assertThat(pulledRules(till)).as("nothing is published while a value is wrong").isEmpty();

        fillRules(browser, "12", "NORMAL 普通 Regular 0 100 1 0\nSILVER 银卡 Silver 1000 98 1.2 100");
        browser.click("loyalty-submit");
        assertThat(browser.path()).isEqualTo("/loyalty");
        assertThat(browser.text("notice")).startsWith("The loyalty rules were published");
        assertThat(browser.text("current-expiryMonths")).isEqualTo("12");
        assertThat(browser.text("current-dateMultipliers")).isEqualTo("国庆 2026-10-01 2026-10-07 2");

        List<JsonNode> rules = pulledRules(till);
        assertThat(rules).extracting(e -> e.get("type").asText()).containsExactly("LoyaltyRulesPublished", "TierRulesPublished");
        JsonNode loyalty = rules.getFirst().get("payload");
        assertThat(loyalty.get("expiryMonths").asInt()).isEqualTo(12);
        assertThat(loyalty.get("pointsPerYuan").asLong()).isEqualTo(1);
        assertThat(loyalty.get("offlineStoredValueCap").asLong()).isEqualTo(50_000);
        assertThat(loyalty.get("dateMultipliers").get(0).get("multiplierBasisPoints").asInt()).isEqualTo(20_000);
        assertThat(loyalty.get("topUpBonuses").get(0).get("minPaid").asLong()).isEqualTo(10_000);
        assertThat(loyalty.get("topUpBonuses").get(0).get("bonus").asLong()).isEqualTo(2_000);
        JsonNode silver = rules.get(1).get("payload").get("tiers").get(1);
        assertThat(silver.get("threshold").asLong()).isEqualTo(100_000);
        assertThat(silver.get("discountBasisPoints").asInt()).isEqualTo(9_800);
        assertThat(silver.get("pointsMultiplierBasisPoints").asInt()).isEqualTo(12_000);

        browser.open("/audit?action=loyalty.published");
        assertThat(browser.texts("#audit tbody tr")).singleElement().asString().contains("Published the loyalty rules", "loyalty rules v1");
    }

    @Test
    @Order(2)
    void aFormOpenedBeforeAnotherAdminPublishedIsRefusedWithItsValuesKept() {
        Browser first = office.signInAs(Role.HQ_ADMIN).open("/loyalty/edit");
        fillRules(first, "24", "NORMAL 普通 Regular 0 100 1 0");
        office.createUser("second.admin", Role.HQ_ADMIN, null);
        // The other admin publishes through the same form meanwhile (plain HTTP, its own session).
        var other = office.http();
        other.signIn("second.admin", BackOffice.PASSWORD);
        other.get("/loyalty/edit");
        var form = new java.util.LinkedHashMap<String, String>();
        form.put("_csrf", other.csrfToken());
        form.put("_once", other.formToken());
        form.put("basedOn", basedOn(other));
        form.putAll(java.util.Map.of("pointsPerYuan", "2", "fenPerPointRedeemed", "1", "birthdayBonusPoints", "0", "expiryMonths", "6",
                "offlineAfterMinutes", "60", "offlineRedeemCapPoints", "100", "tierBasis", "SPEND", "tierPeriodMonths", "12",
                "tiers", "NORMAL 普通 Regular 0 100 1 0"));
        assertThat(other.post("/loyalty", form).status()).isEqualTo(303);

        first.click("loyalty-submit");
        assertThat(first.text("basedOn-error")).startsWith("Someone published version");
        assertThat(first.driver().findElement(org.openqa.selenium.By.id("expiryMonths")).getAttribute("value")).isEqualTo("24");
    }

    private static String basedOn(io.chainpos.server.testing.web.PageClient client) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"basedOn\" value=\"(\\d+)\"").matcher(client.get("/loyalty/edit").body());
        return m.find() ? m.group(1) : "0";
    }

    private static void fillRules(Browser browser, String expiryMonths, String tiers) {
        browser.fill("pointsPerYuan", "1").fill("fenPerPointRedeemed", "1").fill("birthdayBonusPoints", "100")
                .fill("dateMultipliers", "国庆 2026-10-01 2026-10-07 2").fill("expiryMonths", expiryMonths)
                .fill("offlineAfterMinutes", "60").fill("offlineRedeemCapPoints", "5000").fill("offlineStoredValueCap", "500")
                .fill("topUpBonuses", "充100送20 100 20").choose("tierBasis", "SPEND").fill("tierPeriodMonths", "12").fill("tiers", tiers);
    }

    private static List<JsonNode> pulledRules(TestServer.EnrolledTill till) {
        List<JsonNode> rules = new ArrayList<>();
        till.api().get("/api/v1/sync/pull?limit=1000").json().get("events").forEach(e -> {
            if (e.get("type").asText().endsWith("RulesPublished")) {
                rules.add(e);
            }
        });
        return rules;
    }
}
