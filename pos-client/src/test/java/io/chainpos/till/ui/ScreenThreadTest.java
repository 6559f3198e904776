package io.chainpos.till.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.till.ledger.SyncMarks;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;

/**
 * Nothing on the JavaFX thread waits for the disk, the network, a device or another thread: proven on the compiled
 * screens (every class under {@code io.chainpos.till.ui}) by {@link ScreenThreadCheck}, and the check shown to
 * catch each way of breaking the rule on a class written to break it.
 */
class ScreenThreadTest {
    /**
     * Code of {@code ui} that runs off the JavaFX thread: the app's {@code run} and {@code abandon} (and the {@code stop}
     * both end with) run on the main thread, which waits there for the window to close; the start-up the window waits
     * for until the ledger is open is only called as work on the counter thread.
     */
    private static final Set<ScreenThreadCheck.Method> LAUNCHERS = Set.of(
            new ScreenThreadCheck.Method("io/chainpos/till/ui/app/FxTill", "run", "(Lio/chainpos/till/ui/TillStartup;)V"),
            new ScreenThreadCheck.Method("io/chainpos/till/ui/app/FxTill", "abandon", "()V"),
            new ScreenThreadCheck.Method("io/chainpos/till/ui/app/FxTill", "stop", "()V"),
            new ScreenThreadCheck.Method("io/chainpos/till/ui/app/PendingStartup", "enrolled", "()Z"),
            new ScreenThreadCheck.Method("io/chainpos/till/ui/app/PendingStartup", "enroll",
                    "(Ljava/lang/String;Ljava/lang/String;)Lio/chainpos/till/sync/EnrollTill$Result;"),
            new ScreenThreadCheck.Method("io/chainpos/till/ui/app/PendingStartup", "start", "()Lio/chainpos/till/ui/TillUseCases;"));

    /**
     * Till classes outside {@code ui} the screens may call on their own thread: they only keep a listener. Records
     * and enums (data) are allowed everywhere.
     */
    private static final Set<String> NEVER_WAIT = Set.of(
            "io/chainpos/till/sync/SyncWatch", // onStatus adds a listener, status() reads a field; syncNow runs as work
            "io/chainpos/till/device/printer/ReceiptPrinter", // onStatus adds a listener; print runs as work
            "io/chainpos/till/backup/TillBackups", // onStatus adds a listener, status() reads a field; backups run on its thread
            "io/chainpos/till/device/scanner/FxKeyboardWedge", // the scene's key filter: key events and a timer, in memory
            "io/chainpos/till/TillWords"); // a message into words from a bundle on the class path, as Messages does

    @Test
    void nothingTheScreensRunOnTheJavaFxThreadWaitsForDiskNetworkOrDevices() throws Exception {
        Path classes = root(Tasks.class);
        ScreenThreadCheck check = new ScreenThreadCheck(LAUNCHERS, ScreenThreadTest::mayWait)
                .read(ScreenThreadCheck.classes(classes, "io/chainpos/till/ui"));

        assertThat(check.onScreenThread()).as("the check found the screens' code")
                .anySatisfy(m -> assertThat(m.toString()).isEqualTo("SaleViewModel.scanned"));
        assertThat(check.violations()).isEmpty();

        List<String> keptOff = new ScreenThreadCheck(LAUNCHERS, ScreenThreadTest::mayWait).treatingWorkAsScreenCode()
                .read(ScreenThreadCheck.classes(classes, "io/chainpos/till/ui")).violations().stream()
                .map(ScreenThreadCheck.Violation::calls).distinct().toList();
        assertThat(keptOff).as("what the screens hand to the counter and network threads")
                .contains("io.chainpos.till.sale.SaleSession.scan", "io.chainpos.till.sale.SaleSession.addTender",
                        "io.chainpos.till.loyalty.MemberAccounts.find", "io.chainpos.till.shift.Shifts.close",
                        "io.chainpos.till.refund.RefundSale.refund", "io.chainpos.till.sync.EnrollTill.enroll",
                        "io.chainpos.till.ui.TillStartup.start", "io.chainpos.till.loyalty.TopUp.topUp",
                        "io.chainpos.till.loyalty.TopUp.bonusFor", "io.chainpos.till.device.qr.MemberCardCode.png",
                        "io.chainpos.till.catalog.SearchProducts.readAhead");
    }

    @Test
    void theCheckFindsEachWayOfWaitingOnTheJavaFxThread() throws Exception {
        Path classes = root(ScreenThreadTest.class);
        ScreenThreadCheck check = new ScreenThreadCheck(Set.of(), ScreenThreadTest::mayWait)
                .read(ScreenThreadCheck.classes(classes, "io/chainpos/till/ui").stream()
                        .filter(f -> f.getFileName().toString().startsWith("ScreenThreadTest$Breaks")).toList());

        List<String> found = check.violations().stream().map(v -> v.in().name() + " -> " + v.calls()).toList();

        assertThat(found).containsExactlyInAnyOrder(
                "lambda$new$0 -> io.chainpos.till.ledger.SyncMarks.pendingCount", // in a listener
                "count -> io.chainpos.till.ledger.SyncMarks.pendingCount", // a private method the screen's thread calls too
                "naps -> java.lang.Thread.sleep",
                "lambda$reference$1 -> io.chainpos.till.ledger.SyncMarks.pendingCount"); // a method reference in a callback
    }

    private static boolean mayWait(String internalName) {
        if (NEVER_WAIT.contains(internalName)) {
            return false;
        }
        try {
            Class<?> type = Class.forName(internalName.replace('/', '.'), false, ScreenThreadTest.class.getClassLoader());
            return !(type.isRecord() || type.isEnum());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the screens call a class that is not there: " + internalName, e);
        }
    }

    private static Path root(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Breaks the rule in each way the check must catch, and keeps it once (the work given to Tasks). */
    @SuppressWarnings("unused")
    static final class Breaks {
        private final SyncMarks marks;
        private final Tasks tasks;
        private final StringProperty text = new SimpleStringProperty();

        Breaks(SyncMarks marks, Tasks tasks) {
            this.marks = marks;
            this.tasks = tasks;
            text.addListener((o, was, now) -> marks.pendingCount());
        }

        void keepsTheRule() {
            tasks.counter(() -> count(), n -> text.set(Long.toString(n)), n -> { });
            tasks.counter(marks::pendingCount, n -> { }, n -> { });
        }

        void countOnScreen() {
            text.set(Long.toString(count()));
        }

        private long count() {
            return marks.pendingCount();
        }

        void naps() throws InterruptedException {
            Thread.sleep(10);
        }

        void reference() {
            tasks.counter(() -> 1L, ignored -> java.util.Optional.of(marks).map(SyncMarks::pendingCount), n -> { });
        }
    }
}
