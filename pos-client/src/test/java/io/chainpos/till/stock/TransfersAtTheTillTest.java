package io.chainpos.till.stock;

import static io.chainpos.till.testing.HeadOfficeEvents.APPLES;
import static io.chainpos.till.testing.HeadOfficeEvents.BREAD;
import static io.chainpos.till.testing.HeadOfficeEvents.COLA;
import static io.chainpos.till.testing.HeadOfficeEvents.COLA_BARCODE;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Discrepancy;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.StockLine;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.TillWords;
import io.chainpos.till.testing.HeadOfficeEvents;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Receiving goods and transfers between two stores' tills, the events carried from one to the other by hand. */
class TransfersAtTheTillTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-04T02:00:00Z"));
    @TempDir
    Path dir;
    private TestTill a;
    private TestTill b;
    private final List<EventEnvelope> fromA = new ArrayList<>();
    private final List<EventEnvelope> fromB = new ArrayList<>();
    private long cursor = 10;

    @BeforeEach
    void openTwoStores() {
        a = TestTill.withCatalog(dir.resolve("a.db"), clock);
        b = new TestTill(dir.resolve("b.db"), clock, "S002", "S002-T1");
        b.ledger.remote().applyPulled(new HeadOfficeEvents(clock).catalog(), 4);
        a.ledger.onCommit(fromA::addAll);
        b.ledger.onCommit(fromB::addAll);
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    @Test
    void goodsReceivedGoIntoStockWithWhatDiffersFromTheNote() {
        // 24 colas on the note: 20 good, 1 crushed, 3 missing; 2.5 kg of apples as the note says.
        ReceiveGoods.Received received = (ReceiveGoods.Received) a.stockDesk.receiveGoods().receive("康师傅", "DN-7",
                List.of(new StockEntry(COLA_BARCODE, "20", "24", "1"), StockEntry.of(APPLES.value(), "2.5")), "c1");

        assertThat(received.receipt().receiptNo()).isEqualTo("S001-T1-1-G000001");
        assertThat(received.receipt().lines()).containsExactly(new StockLine(COLA, 20_000, null), new StockLine(APPLES, 2_500, null));
        assertThat(received.receipt().discrepancies()).containsExactly(
                new Discrepancy(COLA, 3_000, Discrepancy.Reason.SHORT, null),
                new Discrepancy(COLA, 1_000, Discrepancy.Reason.DAMAGED, null));
        assertThat(stock(a, COLA)).isEqualTo(20_000);
        assertThat(stock(a, APPLES)).isEqualTo(2_500);
        assertThat(fromA).filteredOn(e -> e.payload() instanceof StockChanged).extracting(e -> ((StockChanged) e.payload()).reason())
                .containsOnly(StockChanged.Reason.RECEIPT);
    }

    @Test
    void badQuantitiesAndUnknownCodesAreRefusedInBothLanguagesAndNothingIsRecorded() {
        ReceiveGoods goods = a.stockDesk.receiveGoods();
        ReceiveGoods.Result notANumber = goods.receive(null, null, List.of(StockEntry.of(COLA_BARCODE, "12"), StockEntry.of(BREAD.value(), "abc")), "c1");
        ReceiveGoods.Result negative = goods.receive(null, null, List.of(StockEntry.of(COLA_BARCODE, "-3")), "c1");
        ReceiveGoods.Result unknown = goods.receive(null, null, List.of(StockEntry.of("6909999999999", "1")), "c1");

        assertThat(notANumber).isEqualTo(new ReceiveGoods.Refused(
                TillMessage.of(TillMessage.Code.STOCK_QUANTITY_NOT_A_NUMBER, BREAD.value(), "abc")));
        assertThat(TillWords.say(((ReceiveGoods.Refused) notANumber).reason(), Locale.ENGLISH))
                .isEqualTo("Quantity of 100002: 'abc' is not a number.");
        assertThat(TillWords.say(((ReceiveGoods.Refused) notANumber).reason(), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("100002 的数量“abc”不是数字。");
        assertThat(TillWords.say(((ReceiveGoods.Refused) negative).reason(), Locale.ENGLISH)).isEqualTo("Quantity of 6901234567892: -3 is below zero.");
        assertThat(TillWords.say(((ReceiveGoods.Refused) negative).reason(), Locale.SIMPLIFIED_CHINESE)).isEqualTo("6901234567892 的数量 -3 小于零。");
        assertThat(TillWords.say(((ReceiveGoods.Refused) unknown).reason(), Locale.ENGLISH)).isEqualTo("Unknown product code 6909999999999.");
        assertThat(TillWords.say(((ReceiveGoods.Refused) unknown).reason(), Locale.SIMPLIFIED_CHINESE)).isEqualTo("找不到商品编码 6909999999999。");
        assertThat(fromA).isEmpty();
        assertThat(stock(a, COLA)).isZero();
    }

    @Test
    void aTransferToTheSendingStoreItselfIsRefused() {
        SendTransfer.Result own = a.stockDesk.sendTransfer().send("S001", List.of(StockEntry.of(COLA_BARCODE, "1")), "c1");

        assertThat(own).isEqualTo(new SendTransfer.Refused(TillMessage.of(TillMessage.Code.TRANSFER_TO_OWN_STORE, "S001")));
        assertThat(TillWords.say(((SendTransfer.Refused) own).reason(), Locale.SIMPLIFIED_CHINESE)).isEqualTo("调拨须发往其他门店，不能发往本店（S001）。");
        assertThat(fromA).isEmpty();
    }

    @Test
    void aTransferIsInTransitUntilTheOtherStoreReceivesItOnceWithWhatWasShort() {
        a.stockDesk.receiveGoods().receive(null, null, List.of(StockEntry.of(COLA_BARCODE, "30"), StockEntry.of(BREAD.value(), "5")), "c1");
        SendTransfer.Sent sent = (SendTransfer.Sent) a.stockDesk.sendTransfer().send("S002",
                List.of(StockEntry.of(COLA_BARCODE, "12"), StockEntry.of(BREAD.value(), "4")), "c1");
        assertThat(sent.transfer().transferNo()).isEqualTo("S001-T1-1-T000001");
        assertThat(sent.slipCode()).isEqualTo("S001-T1-1-T000001/" + sent.transfer().transferId().check());
        assertThat(stock(a, COLA)).isEqualTo(18_000);
        assertThat(outgoing(a, "S001", COLA)).isEqualTo(12_000);

        // Before B has pulled the transfer it does not know the slip.
        assertThat(b.stockDesk.receiveTransfer().receive(sent.slipCode(), List.of(), "c7")).isEqualTo(new ReceiveTransfer.Refused(
                TillMessage.of(TillMessage.Code.TRANSFER_UNKNOWN, sent.slipCode())));
        carry(fromA, b);
        assertThat(incoming(b, "S002", COLA)).isEqualTo(12_000);
        // A slip with this number from another chain carries another id.
        assertThat(b.stockDesk.receiveTransfer().receive("S001-T1-1-T000001/0badf00d", List.of(), "c7")).isEqualTo(
                new ReceiveTransfer.Refused(TillMessage.of(TillMessage.Code.TRANSFER_OTHER_CHAIN, "S001-T1-1-T000001/0badf00d")));

        ReceiveTransfer.Received received = (ReceiveTransfer.Received) b.stockDesk.receiveTransfer().receive(sent.slipCode(),
                List.of(StockEntry.of(COLA_BARCODE, "11")), "c7");
        ReceiveTransfer.Result twice = b.stockDesk.receiveTransfer().receive(sent.transfer().transferNo(), List.of(), "c7");

        assertThat(received.transfer().discrepancies()).containsExactly(new Discrepancy(COLA, 1_000, Discrepancy.Reason.SHORT, null));
        assertThat(stock(b, COLA)).isEqualTo(11_000);
        assertThat(stock(b, BREAD)).isEqualTo(4_000);
        assertThat(twice).isEqualTo(new ReceiveTransfer.Refused(
                TillMessage.of(TillMessage.Code.TRANSFER_ALREADY_RECEIVED, "S001-T1-1-T000001")));
        assertThat(stock(b, COLA)).isEqualTo(11_000);
        assertThat(incoming(b, "S002", COLA)).isZero();

        carry(fromB, a);
        Transfer atA = a.ledger.read(s -> a.stockDesk.transfers().byNumber(s, "S001-T1-1-T000001")).orElseThrow();
        assertThat(atA.status()).isEqualTo(Transfer.Status.RECEIVED);
        assertThat(atA.lines()).containsExactly(new Transfer.Line(COLA, 12_000, 11_000L), new Transfer.Line(BREAD, 4_000, 4_000L));
        assertThat(atA.discrepancies()).containsExactly(new Discrepancy(COLA, 1_000, Discrepancy.Reason.SHORT, null));
        assertThat(a.stockDesk.cancelTransfer().cancel("S001-T1-1-T000001", "m1", null)).isEqualTo(new CancelTransfer.Refused(
                TillMessage.of(TillMessage.Code.TRANSFER_ALREADY_RECEIVED, "S001-T1-1-T000001")));
    }

    @Test
    void aTransferCancelledBeforeItIsReceivedPutsTheGoodsBackAndCannotBeReceived() {
        SendTransfer.Sent sent = (SendTransfer.Sent) a.stockDesk.sendTransfer().send("S002", List.of(StockEntry.of(BREAD.value(), "6")), "c1");
        carry(fromA, b);
        assertThat(b.stockDesk.cancelTransfer().cancel(sent.slipCode(), "m7", null)).isEqualTo(new CancelTransfer.Refused(
                TillMessage.of(TillMessage.Code.TRANSFER_NOT_SENT_HERE, "S001-T1-1-T000001", "S001")));
        assertThat(stock(a, BREAD)).isEqualTo(-6_000);

        CancelTransfer.Result cancelled = a.stockDesk.cancelTransfer().cancel(sent.slipCode(), "m1", "wrong store");
        carry(fromA, b);

        assertThat(cancelled).isInstanceOf(CancelTransfer.Cancelled.class);
        assertThat(stock(a, BREAD)).isZero();
        assertThat(inTransit(a, "S001")).isEmpty();
        assertThat(b.stockDesk.receiveTransfer().receive(sent.slipCode(), List.of(), "c7")).isEqualTo(new ReceiveTransfer.Refused(
                TillMessage.of(TillMessage.Code.TRANSFER_ALREADY_CANCELLED, "S001-T1-1-T000001")));
        assertThat(stock(b, BREAD)).isZero();
    }

    @Test
    void onlyTheReceivingStoreReceivesAndOnlyWhatIsOnTheTransfer() {
        SendTransfer.Sent sent = (SendTransfer.Sent) a.stockDesk.sendTransfer().send("S003", List.of(StockEntry.of(BREAD.value(), "1")), "c1");
        carry(fromA, b);
        assertThat(b.stockDesk.receiveTransfer().receive(sent.slipCode(), List.of(), "c7")).isEqualTo(new ReceiveTransfer.Refused(
                TillMessage.of(TillMessage.Code.TRANSFER_NOT_FOR_THIS_STORE, "S001-T1-1-T000001", "S003")));

        SendTransfer.Sent toB = (SendTransfer.Sent) a.stockDesk.sendTransfer().send("S002", List.of(StockEntry.of(BREAD.value(), "1")), "c1");
        carry(fromA, b);
        assertThat(b.stockDesk.receiveTransfer().receive(toB.slipCode(), List.of(StockEntry.of(COLA_BARCODE, "1")), "c7"))
                .isEqualTo(new ReceiveTransfer.Refused(TillMessage.of(TillMessage.Code.TRANSFER_NOT_ON_IT, "S001-T1-1-T000002", COLA_BARCODE)));
        assertThat(fromB).isEmpty();
    }

    @Test
    void theTransferTablesAreTheSameAfterARebuild() {
        SendTransfer.Sent sent = (SendTransfer.Sent) a.stockDesk.sendTransfer().send("S002", List.of(StockEntry.of(COLA_BARCODE, "2")), "c1");
        carry(fromA, b);
        b.stockDesk.receiveTransfer().receive(sent.slipCode(), List.of(new StockEntry(COLA_BARCODE, "1", null, "1")), "c7");
        Transfer before = b.ledger.read(s -> b.stockDesk.transfers().byId(s, sent.transfer().transferId())).orElseThrow();

        b.ledger.rebuildProjections();

        assertThat(byId(b, sent.transfer().transferId())).contains(before);
        assertThat(before.discrepancies()).containsExactly(new Discrepancy(COLA, 1_000, Discrepancy.Reason.DAMAGED, null));
        assertThat(stock(b, COLA)).isEqualTo(1_000);
    }

    private void carry(List<EventEnvelope> events, TestTill to) {
        cursor += events.size();
        to.ledger.remote().applyPulled(List.copyOf(events), cursor);
        events.clear();
    }

    private static long outgoing(TestTill till, String store, Sku sku) {
        return till.ledger.read(s -> till.stockDesk.transfers().outgoingMilli(s, new StoreId(store), sku));
    }

    private static long incoming(TestTill till, String store, Sku sku) {
        return till.ledger.read(s -> till.stockDesk.transfers().incomingMilli(s, new StoreId(store), sku));
    }

    private static List<Transfer> inTransit(TestTill till, String store) {
        return till.ledger.read(s -> till.stockDesk.transfers().inTransit(s, new StoreId(store)));
    }

    private static java.util.Optional<Transfer> byId(TestTill till, io.chainpos.model.id.TransferId id) {
        return till.ledger.read(s -> till.stockDesk.transfers().byId(s, id));
    }

    private static long stock(TestTill till, Sku sku) {
        return till.ledger.read(s -> till.stockDesk.stock().quantityMilli(s, sku));
    }
}
