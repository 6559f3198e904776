package io.chainpos.server.loyalty;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.merged;
import static io.chainpos.server.testing.Facts.registered;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainpos.model.event.MemberTierChanged;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.StoredValueChanged;
import io.chainpos.model.id.TopUpId;
import io.chainpos.model.sync.MemberView;
import io.chainpos.server.testing.Api;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TestServer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The member's loyalty as head office reads it over HTTP, the overdraft list and the period-end call. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoyaltyApiTest {
    /** On a SQLite file here; {@code LoyaltyApiOnPostgresTest} runs the same tests on PostgreSQL. */
    TestServer startServer(Path folder) {
        return TestServer.start(folder);
    }

    TestServer server;
    TestServer.EnrolledTill a1;
    TestServer.EnrolledTill b1;
    Api headOffice;

    @BeforeAll
    void start(@TempDir Path folder) {
        server = startServer(folder);
        a1 = server.enroll("S001", "S001-T1");
        b1 = server.enroll("S002", "S002-T1");
        headOffice = server.headOffice();
        TopUpId topUp = new TopUpId(UUID.fromString("0192f0a0-0000-7000-8000-000000000040"));
        assertThat(a1.push(a1.writer().next(List.of(registered(member(1), "13800138000", "王小明"),
                new StoredValueChanged(member(1), 10_000, StoredValueChanged.Reason.TOPUP, null, 0, topUp),
                new StoredValueChanged(member(1), 2_000, StoredValueChanged.Reason.BONUS, null, 2_000, topUp),
                new PointsChanged(member(1), 100, PointsChanged.Reason.EARN, null, List.of("BASE:1/yuan"), 10_000),
                new MemberTierChanged(member(1), "NORMAL", "SILVER", MemberTierChanged.Direction.UPGRADE, 1,
                        LocalDate.of(2026, 1, 1), 100_000, null)))).status()).isEqualTo(200);
        // The same phone registered offline at store B, later merged: its bonus and spending follow the survivor.
        assertThat(b1.push(b1.writer().next(List.of(registered(member(2), "13800138000", "王小明"),
                new StoredValueChanged(member(2), 500, StoredValueChanged.Reason.BONUS, null, 500, topUp),
                new PointsChanged(member(2), -130, PointsChanged.Reason.REDEEM, null, List.of()),
                merged(member(1), member(2))))).status()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theMemberShowsTierPointsAndStoredValueInItsParts() {
        Api.Reply reply = b1.api().get("/api/v1/members/" + member(2));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        MemberView view = Json.CODEC.read(reply.body(), MemberView.class);

        assertThat(view.memberId()).isEqualTo(member(1).toString());
        assertThat(view.tierCode()).isEqualTo("SILVER");
        assertThat(view.pointsBalance()).isEqualTo(-30);
        assertThat(view.storedValueBalance()).isEqualTo(12_500);
        assertThat(view.storedValuePaid()).isEqualTo(10_000);
        assertThat(view.storedValueBonus()).isEqualTo(2_500);
    }

    @Test
    void theOverdraftIsOnHeadOfficesList() {
        JsonNode exceptions = headOffice.get("/api/v1/exceptions").json().get("exceptions");
        assertThat(exceptions.valueStream().map(e -> e.get("kind").asText() + " " + e.get("memberId").asText() + " "
                + e.get("balance").asLong() + " " + e.get("storeId").asText()).toList())
                .as("spent before the merge, when store B's record of the member held no points")
                .containsExactly("POINTS_OVERDRAFT " + member(2) + " -130 S002");
    }

    @Test
    void onlyHeadOfficeRunsThePeriodEndAndADayMustBeADate() {
        assertThat(a1.api().post("/api/v1/loyalty/period-end?day=2027-01-01", "").status()).isEqualTo(403);
        assertThat(server.anonymous().post("/api/v1/loyalty/period-end?day=2027-01-01", "").status()).isEqualTo(401);
        Api.Reply bad = headOffice.post("/api/v1/loyalty/period-end?day=first-of-january", "");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error()).isNotBlank();
        JsonNode outcome = headOffice.post("/api/v1/loyalty/period-end?day=2026-11-24", "").json();
        assertThat(outcome.get("day").asText()).isEqualTo("2026-11-24");
        assertThat(outcome.get("pointsExpired").asLong()).as("nothing earned a year ago").isZero();
    }

    @Test
    void headOfficeListsTheMembersWhosePointsExpireWithinTheDaysAsked() {
        new io.chainpos.server.headoffice.HeadOffice(server.ports.log(), io.chainpos.model.json.EventCodec.standard(), server.clock)
                .publish(List.of(new io.chainpos.model.event.LoyaltyRulesPublished(1, TestServer.START, 1, java.util.Map.of(),
                        List.of(), 0, 1, 12, 500, 60)));
        assertThat(a1.push(a1.writer().next(List.of(registered(member(3), "13800138003", "李娜"),
                new PointsChanged(member(3), 50, PointsChanged.Reason.EARN, null, List.of("BASE:1/yuan"), 5_000)))).status())
                .isEqualTo(200);

        JsonNode report = headOffice.get("/api/v1/loyalty/expiring?days=30&day=2027-11-01").json();
        assertThat(report.get("expiryMonths").asInt()).isEqualTo(12);
        assertThat(report.get("members").valueStream().map(m -> m.get("memberId").asText() + " " + m.get("points").asLong() + " "
                + m.get("lastDay").asText()).toList()).containsExactly(member(3) + " 50 2027-11-30");
        assertThat(headOffice.get("/api/v1/loyalty/expiring?days=29&day=2027-11-01").json().get("members")).isEmpty();
        assertThat(a1.api().get("/api/v1/loyalty/expiring?days=30").status()).isEqualTo(403);
        assertThat(headOffice.get("/api/v1/loyalty/expiring?days=-1").status()).isEqualTo(400);
    }
}
