package io.chainpos.server.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.json.EventCodec;
import io.chainpos.server.demo.DemoData;
import io.chainpos.server.headoffice.HeadOffice;
import io.chainpos.server.testing.Api;
import io.chainpos.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The expiry warning and the expiry read the same rules: no member's points expire without having been listed
 * first. The demo's rules take effect at 11:00 on the day it is seeded (the test server's clock).
 */
class ExpiryWarningTest {
    @TempDir
    Path dir;

    @Test
    void rulesInEffectFromLaterTodayAreTheOnesTheWarningUses() {
        try (TestServer server = TestServer.startWithDemoData(dir)) {
            Api headOffice = server.headOffice();

            JsonNode report = headOffice.get("/api/v1/loyalty/expiring?days=800").json();

            assertThat(report.get("day").asText()).isEqualTo("2026-11-23");
            assertThat(report.get("expiryMonths").asInt()).as("the demo's 24 months, in effect since 11:00 today").isEqualTo(24);
            // Earned 23 November 2026 with 24 months: good through 30 November 2028.
            assertThat(listed(report)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    DemoData.ZHANG_WEI.toString(), 500L, DemoData.LI_NA.toString(), 2_000L, DemoData.WANG_FANG.toString(), 8_000L));
            assertThat(report.get("members").valueStream().map(m -> m.get("lastDay").asText()).distinct().toList())
                    .containsExactly("2028-11-30");

            JsonNode expired = headOffice.post("/api/v1/loyalty/period-end?day=2029-01-01", "").json();
            assertThat(expired.get("membersExpired").asInt()).isEqualTo(3);
            assertThat(expired.get("pointsExpired").asLong()).isEqualTo(10_500);
            for (String member : listed(report).keySet()) {
                assertThat(headOffice.get("/api/v1/members/" + member).json().get("pointsBalance").asLong()).isZero();
            }
        }
    }

    @Test
    void aShorterExpiryPublishedForLaterIsWhatTheWarningForThoseDaysUses() {
        try (TestServer server = TestServer.startWithDemoData(dir)) {
            Api headOffice = server.headOffice();
            // From 1 June 2027 (Shanghai) points last 6 months: the demo's opening points are then past their last day.
            new HeadOffice(server.ports.log(), EventCodec.standard(), server.clock).publish(List.of(new LoyaltyRulesPublished(2,
                    Instant.parse("2027-05-31T16:00:00Z"), 1, Map.of(), List.of(), 100, 1, 6, 5_000, 60)));

            JsonNode report = headOffice.get("/api/v1/loyalty/expiring?days=800").json();
            assertThat(report.get("members").valueStream().map(m -> m.get("lastDay").asText()).distinct().toList())
                    .as("they expire in the period end of 1 June 2027").containsExactly("2027-05-31");
            assertThat(headOffice.get("/api/v1/loyalty/expiring?days=189").json().get("members"))
                    .as("30 May is the last day 189 days reach").isEmpty();

            assertThat(headOffice.post("/api/v1/loyalty/period-end?day=2027-05-31", "").json().get("pointsExpired").asLong()).isZero();
            assertThat(headOffice.post("/api/v1/loyalty/period-end?day=2027-06-01", "").json().get("pointsExpired").asLong())
                    .isEqualTo(listed(report).values().stream().mapToLong(Long::longValue).sum());
        }
    }

    private static Map<String, Long> listed(JsonNode report) {
        Map<String, Long> members = new TreeMap<>();
        report.get("members").forEach(m -> members.put(m.get("memberId").asText(), m.get("points").asLong()));
        return members;
    }
}
