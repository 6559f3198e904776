package io.chainpos.till.device.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.testing.TestTill;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The print queue against printers that run out of paper, open their cover, fall silent or disappear. */
class PrintQueueTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    private final ScriptedPrinterTransport printer = new ScriptedPrinterTransport();
    private final List<PrinterStatus> heard = new CopyOnWriteArrayList<>();
    @TempDir
    Path dir;
    private TestTill till;
    private PrintQueue queue;

    @BeforeEach
    void open() {
        till = TestTill.withCatalog(dir.resolve("till.db"), clock);
        queue = startQueue();
    }

    @AfterEach
    void close() {
        queue.close();
        till.close();
    }

    @Test
    void printoutsPrintOldestFirstAndLeaveTheQueue() {
        enqueue("R1", "R2", "R3");

        await().untilAsserted(() -> assertThat(printer.printouts()).hasSize(3));
        assertThat(printer.printouts()).extracting(PrintQueueTest::text).containsExactly("R1", "R2", "R3");
        await().untilAsserted(() -> assertThat(queue.status()).isEqualTo(new PrinterStatus(PrinterCondition.READY, 0, "", false)));
        assertThat(waiting()).isEmpty();
    }

    @Test
    void paperOutBeforeTheThirdReceiptHoldsItAndTellsTheCashierUntilPaperIsBack() {
        printer.script(printed -> printed >= 2 ? PrinterCondition.PAPER_OUT : PrinterCondition.READY);

        enqueue("R1", "R2", "R3");

        await().untilAsserted(() -> assertThat(queue.status().condition()).isEqualTo(PrinterCondition.PAPER_OUT));
        assertThat(printer.printouts()).extracting(PrintQueueTest::text).containsExactly("R1", "R2");
        assertThat(queue.status().waiting()).isEqualTo(1);
        assertThat(queue.status().forCashier()).isEqualTo("printer out of paper: 1 receipt waiting; they print when it is back");
        await().untilAsserted(() -> assertThat(waiting()).singleElement()
                .satisfies(job -> {
                    assertThat(job.reference()).isEqualTo("R3");
                    assertThat(job.attempts()).isGreaterThanOrEqualTo(2);
                    assertThat(job.lastProblem()).contains("out of paper");
                }));

        printer.condition(PrinterCondition.READY);

        await().untilAsserted(() -> assertThat(printer.printouts()).extracting(PrintQueueTest::text)
                .containsExactly("R1", "R2", "R3"));
        await().untilAsserted(() -> assertThat(queue.status().condition()).isEqualTo(PrinterCondition.READY));
        assertThat(heard).extracting(PrinterStatus::condition).containsSubsequence(PrinterCondition.PAPER_OUT,
                PrinterCondition.READY);
    }

    @Test
    void anOpenCoverHoldsEverything() {
        printer.condition(PrinterCondition.COVER_OPEN);

        enqueue("R1");

        await().untilAsserted(() -> assertThat(queue.status()).satisfies(status -> {
            assertThat(status.condition()).isEqualTo(PrinterCondition.COVER_OPEN);
            assertThat(status.holding()).isTrue();
        }));
        assertThat(printer.printouts()).isEmpty();
        printer.condition(PrinterCondition.PAPER_LOW);
        await().untilAsserted(() -> assertThat(printer.printouts()).hasSize(1));
        await().untilAsserted(() -> assertThat(queue.status().condition()).isEqualTo(PrinterCondition.PAPER_LOW));
    }

    @Test
    void aPrinterThatStopsAnsweringHoldsAsTimedOut() {
        printer.condition(PrinterCondition.TIMEOUT);

        enqueue("R1");

        await().untilAsserted(() -> assertThat(queue.status().condition()).isEqualTo(PrinterCondition.TIMEOUT));
        assertThat(printer.printouts()).isEmpty();
        printer.condition(PrinterCondition.READY);
        await().untilAsserted(() -> assertThat(printer.printouts()).hasSize(1));
    }

    @Test
    void printoutsWaitingForAnUnpluggedPrinterSurviveARestartOfTheTill() {
        printer.reachable(false);
        enqueue("R1", "R2");
        await().untilAsserted(() -> assertThat(queue.status().condition()).isEqualTo(PrinterCondition.OFFLINE));
        assertThat(queue.status().detail()).contains("no printer answering");
        queue.close();
        till.close();

        till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1");
        printer.reachable(true);
        queue = startQueue();

        await().untilAsserted(() -> assertThat(printer.printouts()).extracting(PrintQueueTest::text).containsExactly("R1", "R2"));
    }

    @Test
    void theDrawerKickGoesAheadOfWaitingReceipts() {
        printer.condition(PrinterCondition.COVER_OPEN);
        enqueue("R1");
        await().untilAsserted(() -> assertThat(queue.status().condition()).isEqualTo(PrinterCondition.COVER_OPEN));

        queue.kickDrawer();
        await().untilAsserted(() -> assertThat(printer.printouts()).hasSize(1));
        printer.condition(PrinterCondition.READY);

        await().untilAsserted(() -> assertThat(printer.printouts()).hasSize(2));
        assertThat(printer.printouts().get(0)).isEqualTo(EscPosRenderer.drawerPulse());
        assertThat(text(printer.printouts().get(1))).isEqualTo("R1");
    }

    @Test
    void aDrawerKickThatCannotReachThePrinterIsDroppedNotSentLater() {
        // the first round, started with the queue, is over once it has said the printer is ready
        await().untilAsserted(() -> assertThat(heard).isNotEmpty());
        printer.reachable(false);

        queue.kickDrawer();

        await().untilAsserted(() -> assertThat(heard).anySatisfy(status -> {
            assertThat(status.drawerNotOpened()).isTrue();
            assertThat(status.forCashier()).isEqualTo("printer not reachable. The cash drawer did not open: use its key");
        }));
        printer.reachable(true);
        enqueue("R1");
        await().untilAsserted(() -> assertThat(printer.printouts()).hasSize(1));
        assertThat(text(printer.printouts().getFirst())).isEqualTo("R1");
    }

    @Test
    void aDrawerKickWhoseBytesDoNotReachThePrinterSaysTheDrawerStayedShut() {
        await().untilAsserted(() -> assertThat(heard).isNotEmpty());
        printer.writesFail(true);

        queue.kickDrawer();

        await().untilAsserted(() -> assertThat(heard).anySatisfy(status -> {
            assertThat(status.condition()).isEqualTo(PrinterCondition.OFFLINE);
            assertThat(status.drawerNotOpened()).isTrue();
        }));
        printer.writesFail(false);
        enqueue("R1");
        await().untilAsserted(() -> assertThat(printer.printouts()).hasSize(1));
        assertThat(text(printer.printouts().getFirst())).as("the failed kick is not sent later").isEqualTo("R1");
    }

    @Test
    void statusAnswersReadAsTheSpecificationSays() {
        for (PrinterCondition condition : List.of(PrinterCondition.READY, PrinterCondition.PAPER_LOW,
                PrinterCondition.PAPER_OUT, PrinterCondition.COVER_OPEN, PrinterCondition.ERROR)) {
            assertThat(PrinterStatusCheck.decode(StatusAnswers.answer(condition, 1), StatusAnswers.answer(condition, 2),
                    StatusAnswers.answer(condition, 4))).isEqualTo(condition);
        }
        assertThat(PrinterStatusCheck.decode(0x1A, 0x12, 0x12)).isEqualTo(PrinterCondition.OFFLINE);
        assertThat(PrinterStatusCheck.decode(0xFF, 0x00, 0x12)).as("answers without the fixed bits")
                .isEqualTo(PrinterCondition.STATUS_UNKNOWN);
    }

    private PrintQueue startQueue() {
        PrintQueue started = new PrintQueue(till.ledger, new PrintJobStore(), printer, true, Duration.ofMillis(30), clock);
        started.onStatus(heard::add);
        started.start();
        return started;
    }

    private void enqueue(String... references) {
        for (String reference : references) {
            queue.enqueue(PrintJob.New.of(PrintJob.Kind.SALE, reference, reference.getBytes(StandardCharsets.US_ASCII)));
        }
    }

    private List<PrintJob> waiting() {
        PrintJobStore jobs = new PrintJobStore();
        return till.ledger.read(jobs::waiting);
    }

    private static String text(byte[] printout) {
        return new String(printout, StandardCharsets.US_ASCII);
    }
}
