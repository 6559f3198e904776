package io.chainpos.till.stock;

import static io.chainpos.till.testing.HeadOfficeEvents.BREAD;
import static io.chainpos.till.testing.HeadOfficeEvents.COLA;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.StockLine;
import io.chainpos.model.event.StockMinimumSet;
import io.chainpos.model.event.TransferProposed;
import io.chainpos.model.event.TransferSent;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TransferId;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.testing.HeadOfficeEvents;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transfer head office proposed, at two stores' tills: the sending store's till lists it, ships it (changed if need
 * be) under the proposal's transfer id through the ordinary send, and the receiving store receives it by its slip.
 */
class ProposalsAtTheTillTest {
    private static final TransferId PROPOSAL = new TransferId(UUID.fromString("0192f0a0-0000-7000-8000-0000000d0001"));

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-04T02:00:00Z"));
    @TempDir
    Path dir;
    private TestTill a;
    private TestTill b;
    private final List<EventEnvelope> fromA = new ArrayList<>();
    private final HeadOfficeEvents hq = new HeadOfficeEvents(clock);

    @BeforeEach
    void openTwoStoresWithAProposal() {
        a = TestTill.withCatalog(dir.resolve("a.db"), clock);
        b = new TestTill(dir.resolve("b.db"), clock, "S002", "S002-T1");
        List<EventEnvelope> pulled = new ArrayList<>(hq.catalog());
        pulled.add(hq.envelope(new TransferProposed(PROPOSAL, "P000001", new StoreId("S001"), new StoreId("S002"),
                List.of(new StockLine(COLA, 6_000, null), new StockLine(BREAD, 2_000, null)), "hq-admin", null)));
        a.ledger.remote().applyPulled(pulled, pulled.size());
        b.ledger.remote().applyPulled(pulled, pulled.size());
        a.ledger.onCommit(fromA::addAll);
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    @Test
    void theSenderShipsTheProposalUnderItsIdAndTheReceiverReceivesItAsUsual() {
        List<Proposal> proposals = a.stockDesk.sendTransfer().proposals();
        assertThat(proposals).singleElement().satisfies(p -> {
            assertThat(p.proposalNo()).isEqualTo("P000001");
            assertThat(p.toStore()).isEqualTo(new StoreId("S002"));
            assertThat(p.lines()).containsExactly(new StockLine(COLA, 6_000, null), new StockLine(BREAD, 2_000, null));
        });
        assertThat(b.stockDesk.sendTransfer().proposals()).as("the receiving store has nothing to send").isEmpty();

        // Only 5 colas are on the shelf: the sender changes the line before shipping.
        SendTransfer.Sent sent = (SendTransfer.Sent) a.stockDesk.sendTransfer().ship(proposals.getFirst(),
                List.of(StockEntry.of(COLA.value(), "5"), StockEntry.of(BREAD.value(), "2")), "c1");

        assertThat(sent.transfer().transferId()).isEqualTo(PROPOSAL);
        assertThat(sent.transfer().toStore()).isEqualTo(new StoreId("S002"));
        assertThat(sent.transfer().lines()).containsExactly(new StockLine(COLA, 5_000, null), new StockLine(BREAD, 2_000, null));
        assertThat(fromA).extracting(EventEnvelope::payload).filteredOn(StockChanged.class::isInstance).hasSize(2);
        assertThat(a.stockDesk.sendTransfer().proposals()).as("shipped: no longer to do").isEmpty();
        assertThat(a.stockDesk.sendTransfer().ship(proposals.getFirst(), List.of(StockEntry.of(COLA.value(), "1")), "c1"))
                .isEqualTo(new SendTransfer.Refused(TillMessage.of(TillMessage.Code.TRANSFER_PROPOSAL_SHIPPED, "P000001")));

        b.ledger.remote().applyPulled(List.copyOf(fromA), 100);
        ReceiveTransfer.Result received = b.stockDesk.receiveTransfer().receive(sent.slipCode(), List.of(), "c7");
        assertThat(received).isInstanceOf(ReceiveTransfer.Received.class);
        long colasAtB = b.ledger.read(s -> b.stockDesk.stock().quantityMilli(s, COLA));
        assertThat(colasAtB).isEqualTo(5_000);
        assertThat(fromA).extracting(EventEnvelope::payload).filteredOn(TransferSent.class::isInstance).hasSize(1);
    }

    @Test
    void aTillKnowsItsOwnStoresMinimumsTheLatestOfEach() {
        List<EventEnvelope> pulled = List.of(
                hq.envelope(new StockMinimumSet(new StoreId("S001"), COLA, 24_000, "hq-admin")),
                hq.envelope(new StockMinimumSet(new StoreId("S002"), COLA, 99_000, "hq-admin")),
                hq.envelope(new StockMinimumSet(new StoreId("S001"), COLA, 12_000, "hq-admin")));
        a.ledger.remote().applyPulled(pulled, 20);
        MinimumStore minimums = new MinimumStore();

        long cola = a.ledger.read(s -> minimums.minimumMilli(s, COLA));
        long bread = a.ledger.read(s -> minimums.minimumMilli(s, BREAD));
        assertThat(cola).as("the later of S001's two; S002's is not this store's").isEqualTo(12_000);
        assertThat(bread).isZero();
        a.ledger.rebuildProjections();
        long afterRebuild = a.ledger.read(s -> minimums.minimumMilli(s, COLA));
        assertThat(afterRebuild).isEqualTo(12_000);
    }

    @Test
    void proposalsSurviveARebuild() {
        a.ledger.rebuildProjections();
        assertThat(a.stockDesk.sendTransfer().proposals()).extracting(Proposal::proposalNo).containsExactly("P000001");
    }
}
