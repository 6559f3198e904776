package io.chainpos.till.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.ledger.LedgerCopies;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.testing.HeadOfficeEvents;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The till's own backups of its ledger, on real files, taken while the counter sells. */
class TillBackupsTest {
    static final TestTill.Sale COLA = new TestTill.Sale(List.of(new TestTill.Line(HeadOfficeEvents.COLA_BARCODE, 1000)),
            null, List.of(new Tender(TenderMethod.CASH, 1000, null)), "c1");

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T03:00:00Z"));
    @TempDir
    Path dir;

    static long count(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String integrity(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void sell(TestTill till) {
        if (!(till.sell(COLA) instanceof Checkout.Completed)) {
            throw new IllegalStateException("the sale was refused");
        }
    }

    @Test
    void backupsTakenWhileAnotherThreadKeepsSellingAreWholeAndHoldWhatWasCommitted() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("usb"));
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock);
             TillBackups backups = new TillBackups(till.ledger.file(), folder.toString(), dir.resolve("unused"), 3, clock)) {
            AtomicBoolean selling = new AtomicBoolean(true);
            AtomicInteger sold = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CountDownLatch warmedUp = new CountDownLatch(20);
            Thread seller = Thread.ofPlatform().name("seller").start(() -> {
                try {
                    while (selling.get()) {
                        sell(till);
                        sold.incrementAndGet();
                        warmedUp.countDown();
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            assertThat(warmedUp.await(2, TimeUnit.MINUTES)).isTrue();

            List<long[]> bounds = new ArrayList<>();
            List<BackupCopy> copies = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long before = count(till.ledger.file(), "SELECT COUNT(*) FROM ledger_events");
                TillBackups.BackupOutcome outcome = backups.backUp("manual");
                long after = count(till.ledger.file(), "SELECT COUNT(*) FROM ledger_events");
                assertThat(outcome).isInstanceOf(TillBackups.BackupOutcome.Done.class);
                copies.add(((TillBackups.BackupOutcome.Done) outcome).copy());
                bounds.add(new long[] {before, after});
                clock.advance(Duration.ofSeconds(1));
            }
            selling.set(false);
            seller.join();

            assertThat(failure.get()).as("no sale failed while backing up").isNull();
            assertThat(count(till.ledger.file(), "SELECT COUNT(*) FROM sales")).isEqualTo(sold.get());
            for (int i = 2; i < 5; i++) {
                Path copy = copies.get(i).file();
                assertThat(integrity(copy)).isEqualTo("ok");
                assertThat(count(copy, "SELECT COUNT(*) FROM ledger_events")).isBetween(bounds.get(i)[0], bounds.get(i)[1]);
                assertThat(count(copy, "SELECT COUNT(*) FROM sales"))
                        .as("every sale's rows are in the copy with its event").isEqualTo(
                                count(copy, "SELECT COUNT(*) FROM ledger_events WHERE type = 'SaleCompleted'"));
            }
            assertThat(backups.backupsInFolder()).as("the last 3 are kept")
                    .containsExactly(copies.get(2).file(), copies.get(3).file(), copies.get(4).file());
            assertThat(backups.status().lastGood()).contains(copies.get(4));
            try (var listing = Files.list(folder)) {
                assertThat(listing.filter(f -> f.getFileName().toString().endsWith(".partial"))).isEmpty();
            }
        }
    }

    @Test
    void aShiftCloseBacksTheLedgerUpByItself() throws Exception {
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock);
             TillBackups backups = new TillBackups(till.ledger.file(), "", dir.resolve("backups"), 14, clock)) {
            backups.start(till.ledger);
            sell(till);

            till.shifts.close("c1", 51_000);

            await().atMost(Duration.ofMinutes(1)).until(() -> backups.status().lastGood().isPresent());
            Path copy = backups.status().lastGood().orElseThrow().file();
            assertThat(copy.getParent()).isEqualTo(dir.resolve("backups"));
            assertThat(copy.getFileName().toString()).endsWith("-shift.db");
            assertThat(LedgerCopies.check(copy)).isEmpty();
            assertThat(count(copy, "SELECT COUNT(*) FROM ledger_events WHERE type = 'ShiftClosed'")).isEqualTo(1);
        }
    }

    /** A copy holds what the ledger holds: owner-only whatever the process's umask, in the default folder or one chosen. */
    @Test
    void copiesAndTheDefaultFolderAreTheOwnersAlone() throws Exception {
        Path chosen = Files.createDirectories(dir.resolve("usb"));
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock);
             TillBackups byDefault = new TillBackups(till.ledger.file(), "", dir.resolve("data").resolve("backups"), 14, clock);
             TillBackups toChosen = new TillBackups(till.ledger.file(), chosen.toString(), dir.resolve("unused"), 14, clock)) {
            sell(till);

            Path first = ((TillBackups.BackupOutcome.Done) byDefault.backUp("manual")).copy().file();
            Path second = ((TillBackups.BackupOutcome.Done) toChosen.backUp("manual")).copy().file();

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.getParent()))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(second))).isEqualTo("rw-------");
            assertThat(count(second, "SELECT COUNT(*) FROM ledger_events WHERE type = 'SaleCompleted'")).isEqualTo(1);
        }
    }

    @Test
    void theDailyBackupIsTakenOnceADay() throws Exception {
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock);
             TillBackups backups = new TillBackups(till.ledger.file(), "", dir.resolve("backups"), 14, clock)) {
            assertThat(backups.dailyIfDue()).get().isInstanceOf(TillBackups.BackupOutcome.Done.class);
            clock.advance(Duration.ofHours(23));
            assertThat(backups.dailyIfDue()).isEmpty();
            clock.advance(Duration.ofHours(1));
            assertThat(backups.dailyIfDue()).get().isInstanceOf(TillBackups.BackupOutcome.Done.class);
            assertThat(backups.backupsInFolder()).hasSize(2);
        }
        try (TillBackups reopened = new TillBackups(dir.resolve("till.db"), "", dir.resolve("backups"), 14, clock)) {
            assertThat(reopened.status().lastGood()).as("the last good backup is found again after a restart")
                    .hasValueSatisfying(copy -> assertThat(copy.takenAt()).isEqualTo(clock.instant()));
            assertThat(reopened.dailyIfDue()).isEmpty();
        }
    }

    @Test
    void aMissingFolderIsReportedInWordsAndSellingGoesOn() throws Exception {
        Path unplugged = dir.resolve("media").resolve("usb");
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock);
             TillBackups backups = new TillBackups(till.ledger.file(), unplugged.toString(), dir.resolve("unused"), 14, clock)) {
            TillBackups.BackupOutcome outcome = backups.backUp("manual");
            sell(till);

            assertThat(outcome).isInstanceOfSatisfying(TillBackups.BackupOutcome.Failed.class,
                    failed -> assertThat(failed.failure().problem()).isEqualTo(BackupFailure.Problem.FOLDER_MISSING));
            assertThat(unplugged).as("a chosen folder is never made: it would fill the mount point").doesNotExist();
            assertThat(backups.status().failing()).isPresent();
            assertThat(count(till.ledger.file(), "SELECT COUNT(*) FROM sales")).isEqualTo(1);

            Files.createDirectories(unplugged); // the USB disk is plugged back in
            clock.advance(Duration.ofMinutes(1));
            assertThat(backups.backUp("manual")).isInstanceOf(TillBackups.BackupOutcome.Done.class);
            assertThat(backups.status().failing()).isEmpty();
        }
    }

    @Test
    void aFolderThatCannotBeWrittenIsReported() throws Exception {
        Path readOnly = Files.createDirectories(dir.resolve("share"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (Files.isWritable(readOnly)) {
            readOnly = Path.of("/proc/1"); // root writes anywhere it may; procfs refuses even root
        }
        assumeTrue(Files.isDirectory(readOnly) && !Files.isWritable(readOnly), "no folder here that refuses writing");
        try (TestTill till = TestTill.withCatalog(dir.resolve("till.db"), clock);
             TillBackups backups = new TillBackups(till.ledger.file(), readOnly.toString(), dir.resolve("unused"), 14, clock)) {
            TillBackups.BackupOutcome outcome = backups.backUp("manual");
            sell(till);

            assertThat(outcome).isInstanceOfSatisfying(TillBackups.BackupOutcome.Failed.class,
                    failed -> assertThat(failed.failure().problem()).isEqualTo(BackupFailure.Problem.FOLDER_READ_ONLY));
            assertThat(count(till.ledger.file(), "SELECT COUNT(*) FROM sales")).isEqualTo(1);
        } finally {
            Files.setPosixFilePermissions(dir.resolve("share"), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
