package io.chainpos.till.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.StockLine;
import io.chainpos.model.event.TransferProposed;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TransferId;
import io.chainpos.till.testing.HeadOfficeEvents;
import io.chainpos.till.testing.TestTill;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/**
 * A transfer head office proposed, on the real stock screen: F2 (send) shows it; choosing it fills the list and the
 * store it goes to; F12 ships it under the proposal's id and it leaves the screen's list. In English, then in Chinese.
 */
class StockProposalScreenTest extends ScreenTestBase {
    private static final TransferId PROPOSAL = new TransferId(UUID.fromString("0192f0a0-0000-7000-8000-0000000e0001"));

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    void before(TestTill ready) {
        HeadOfficeEvents hq = new HeadOfficeEvents(Clock.system(TestTill.SHANGHAI));
        hq.catalog(); // the catalog's numbers, already pulled: the proposal comes after them
        List<EventEnvelope> pulled = new ArrayList<>();
        pulled.add(hq.envelope(new TransferProposed(PROPOSAL, "P000001", new StoreId("S001"), new StoreId("S002"),
                List.of(new StockLine(HeadOfficeEvents.COLA, 3_000, null)), "hq-admin", null)));
        ready.ledger.remote().applyPulled(pulled, 5);
    }

    @Test
    void inEnglishTheProposalFillsTheSendListAndIsShippedUnderItsId() {
        shipsTheProposal("Proposed by head office: P000001 to S002: 100001 × 3",
                "Proposal P000001 to S002 is on the list: check the quantities, then F12 to send it.",
                "Transfer S001-T1-1-T000001 to store S002 sent: 1 products in transit.");
    }

    @Test
    void inChineseTheProposalFillsTheSendListAndIsShippedUnderItsId() {
        shipsTheProposal("总部调拨建议 P000001，调往 S002：100001 × 3", "调拨建议 P000001（调往 S002）已列入清单：核对数量后按 F12 发出。",
                "调拨单 S001-T1-1-T000001 已发往门店 S002：1 种商品在途。");
    }

    private void shipsTheProposal(String shown, String filled, String sent) {
        signInAsOwner();
        if (shown.startsWith("总部")) {
            screen.ctrl(KeyCode.L);
        }
        screen.ctrl(KeyCode.T).waitFor("#stock-screen").press(KeyCode.F2);
        screen.waitForText("#stock-proposal-P000001", shown);
        screen.click("#stock-proposal-P000001").waitForText("#stock-screen #notice", filled);
        assertThat(screen.text("#stock-party")).isEqualTo("S002");
        screen.press(KeyCode.F12).waitForText("#stock-screen #notice", sent);
        screen.waitUntilGone("#stock-proposal-P000001");
        TransferId shipped = till.till.ledger.read(s -> till.till.stockDesk.transfers().byNumber(s, "S001-T1-1-T000001")).orElseThrow()
                .transferId();
        assertThat(shipped).as("shipped under the proposal's id").isEqualTo(PROPOSAL);
        long colas = till.till.ledger.read(s -> till.till.stockDesk.stock().quantityMilli(s, HeadOfficeEvents.COLA));
        assertThat(colas).isEqualTo(-3_000);
    }
}
