package io.chainpos.server.stockplan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.StockLine;
import io.chainpos.model.event.TransferReceived;
import io.chainpos.model.event.TransferSent;
import io.chainpos.model.id.TransferId;
import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.Browser;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A transfer head office proposes, in a real headless Chromium over {@link PlanningFixture}: S001 is below its bread
 * minimum (1 of 6) while S002 holds 40 breads it does not sell, so the page suggests 5 from S002 to S001. Head office
 * proposes it; S002's till pulls the proposal and ships it under its transfer id; S001 receives it; the page follows
 * proposed, shipped, received.
 */
class ProposalBrowserTest {
    @RegisterExtension
    static final BackOffice office = BackOffice.onSqlite();

    @Test
    void headOfficeProposesATransferTheSenderShipsItAndThePageFollowsItToReceipt() {
        PlanningFixture.Tills tills = PlanningFixture.push(office);
        Browser browser = office.signInAs(Role.HQ_ADMIN).open("/stock/proposals");
        assertThat(browser.texts("#candidate-S002-S001-100002 td")).startsWith("100002", "S002", "40", "∞", "S001", "1", "6", "5");
        assertThat(browser.texts("#candidates tbody tr")).as("S002's cola is not spare: 10 on hand sell in 9 days").hasSize(1);

        browser.fill("from", "S001").fill("to", "S001").fill("sku", "100002").fill("qty", "0").click("proposal-submit");
        assertThat(browser.text("to-error")).isEqualTo("A transfer goes to another store.");
        assertThat(browser.text("qty-error")).isEqualTo("Enter a quantity above zero.");
        assertThat(browser.has("from-error")).isFalse();

        browser.click("propose-S002-S001-100002");
        assertThat(browser.text("notice")).isEqualTo("The transfer was proposed to the sending store.");
        assertThat(browser.texts("#proposal-P000001 td")).startsWith("P000001", "S002", "S001", "Proposed", "100002 × 5", "hq-admin");

        JsonNode proposal = proposalPulledBy(tills.b());
        assertThat(proposal.get("fromStore").asText()).isEqualTo("S002");
        assertThat(proposal.get("lines").get(0).get("qtyMilli").asLong()).isEqualTo(5_000);
        TransferId id = new TransferId(UUID.fromString(proposal.get("transferId").asText()));
        List<StockLine> lines = List.of(new StockLine(PlanningFixture.BREAD, 5_000, null));
        tills.pushB(List.of(new TransferSent(id, "S002-T1-1-T000001", PlanningFixture.S002, PlanningFixture.S001, lines, "c2"),
                new StockChanged(PlanningFixture.S002, PlanningFixture.BREAD, -5_000, StockChanged.Reason.TRANSFER_OUT, "S002-T1-1-T000001")));
        browser.open("/stock/proposals");
        assertThat(browser.texts("#proposal-P000001 td")).startsWith("P000001", "S002", "S001", "Shipped");
        assertThat(browser.has("candidate-S002-S001-100002")).as("S001's 5 breads are on their way: nothing more to suggest").isFalse();

        tills.pushA(List.of(new TransferReceived(id, "S002-T1-1-T000001", PlanningFixture.S002, PlanningFixture.S001, lines, List.of(), "c1"),
                new StockChanged(PlanningFixture.S001, PlanningFixture.BREAD, 5_000, StockChanged.Reason.TRANSFER_IN, "S002-T1-1-T000001")));
        browser.open("/stock/proposals");
        assertThat(browser.texts("#proposal-P000001 td")).startsWith("P000001", "S002", "S001", "Received");

        io.chainpos.server.testing.web.PageClient analyst = office.http();
        assertThat(analyst.signIn(office.user(Role.HQ_ANALYST), BackOffice.PASSWORD)).isTrue();
        assertThat(analyst.get("/stock/proposals").body()).as("an analyst reads, proposes nothing")
                .contains("proposal-P000001", "Received").doesNotContain("proposal-form");

        browser.open("/audit?action=stock.transfer-proposed");
        assertThat(browser.texts("#audit tbody tr")).singleElement().asString().contains("Transfer proposed", "P000001",
                "S002 → S001: 100002 × 5");

        Browser chinese = office.browser("zh-CN,zh");
        BackOffice.signIn(chinese, office.user(Role.HQ_ADMIN), BackOffice.PASSWORD);
        chinese.open("/stock/proposals");
        assertThat(chinese.heading()).isEqualTo("调拨建议");
        assertThat(chinese.texts("#proposal-P000001 td")).contains("已收货");
    }

    /** The proposal as the sending store's till pulls it. */
    private static JsonNode proposalPulledBy(io.chainpos.server.testing.TestServer.EnrolledTill till) {
        List<JsonNode> found = new ArrayList<>();
        till.api().get("/api/v1/sync/pull?limit=1000").json().get("events").forEach(e -> {
            if (e.get("type").asText().equals("TransferProposed")) {
                found.add(e.get("payload"));
            }
        });
        assertThat(found).hasSize(1);
        return found.getFirst();
    }
}
