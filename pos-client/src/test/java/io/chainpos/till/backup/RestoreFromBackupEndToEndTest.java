package io.chainpos.till.backup;

import static io.chainpos.till.testing.SyncedTill.cash;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.refund.RefundSale;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.SyncedTill;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A till restored from its own backup enrolls again under a new epoch and catches up with a real server: the sales it
 * pushed after the backup come back to it once, the sales in the backup that had not reached the server arrive once,
 * and nothing is counted twice.
 */
class RestoreFromBackupEndToEndTest {
    static final String COLA = "100001";

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T03:00:00Z"));
    @TempDir
    Path dir;
    RealServer server;
    SyncedTill original;
    SyncedTill restored;

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {original, restored, server}) {
            if (c != null) {
                c.close();
            }
        }
    }

    long serverCount(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("chainpos.db"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    long serverStock() {
        return server.ports().stock().stock(StoreId.of("S001"), Sku.of(COLA)).qtyMilli();
    }

    String sell(SyncedTill till) {
        clock.advance(Duration.ofMinutes(1));
        return till.sell(null, COLA, 1000, cash(1000)).sale().receiptNo().value();
    }

    @Test
    void aTillRestoredFromItsBackupCatchesUpUnderANewEpochAndNothingCountsTwice() throws Exception {
        server = RealServer.startWithDemoData(dir, clock);
        Path oldLedger = dir.resolve("old").resolve("till.db");
        original = SyncedTill.enroll(oldLedger, clock, server::uri, server.enrollmentCode("S001", "S001-T1"));
        original.sync();
        List<String> receipts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            receipts.add(sell(original));
        }
        original.sync();
        receipts.add(sell(original)); // in the backup, not yet on the server
        Path usb = Files.createDirectories(dir.resolve("usb"));
        TillBackups.BackupOutcome backup;
        try (TillBackups backups = new TillBackups(oldLedger, usb.toString(), dir.resolve("unused"), 14, clock)) {
            backup = backups.backUp("shift");
        }
        Path backupFile = ((TillBackups.BackupOutcome.Done) backup).copy().file();
        receipts.add(sell(original)); // after the backup, pushed
        receipts.add(sell(original));
        original.sync();
        sell(original); // after the backup and never pushed: lost with the old disk
        original.close();
        original = null;
        assertThat(serverCount("SELECT COUNT(*) FROM events WHERE type = 'SaleCompleted'")).isEqualTo(6);

        // A new PC: the backup is put back, and the till enrolls again with a new code.
        Path newLedger = dir.resolve("new").resolve("till.db");
        RestoreFromBackup.Result result = RestoreFromBackup.restore(backupFile, newLedger);
        assertThat(result).isInstanceOf(RestoreFromBackup.Result.Restored.class);
        restored = SyncedTill.enroll(newLedger, clock, server::uri, server.enrollmentCode("S001", "S001-T1"));
        assertThat(restored.identity().epoch()).isEqualTo(2);
        restored.sync();
        restored.sync();

        assertThat(serverCount("SELECT COUNT(*) FROM events WHERE type = 'SaleCompleted'"))
                .as("the sales in the backup were on the server already, or arrive once").isEqualTo(6);
        assertThat(serverCount("SELECT COUNT(*) FROM quarantine")).isZero();
        assertThat(serverStock()).as("the demo's opening 200 at S001, less the 6 sold").isEqualTo(200_000 - 6000);
        assertThat(restored.stock(COLA)).as("the sales pushed after the backup came back, once").isEqualTo(200_000 - 6000);
        assertThat(restored.till.ledger.syncMarks().pendingCount()).isZero();

        // It sells on under its new epoch and refunds a sale it got back from the server by its receipt number.
        String next = sell(restored);
        RefundSale.Result refund = restored.till.refunds.refund(receipts.get(5),
                List.of(new io.chainpos.model.sale.Refunds.Request(Sku.of(COLA), 1000)), "cashier");
        restored.sync();
        assertThat(refund).isInstanceOf(RefundSale.Refunded.class);
        assertThat(next).isNotIn(receipts);
        assertThat(serverCount("SELECT COUNT(*) FROM events WHERE type = 'SaleCompleted'")).isEqualTo(7);
        assertThat(serverCount("SELECT COUNT(*) FROM events WHERE type = 'SaleCompleted' AND till_epoch = 2")).isEqualTo(1);
        assertThat(serverStock()).as("the demo's opening 200 at S001, less the 6 sold").isEqualTo(200_000 - 6000);
        assertThat(restored.stock(COLA)).isEqualTo(serverStock());
    }

    @Test
    void aRestoreNeverOverwritesALedgerAndRefusesADamagedBackup() throws Exception {
        Path ledger = Files.createDirectories(dir.resolve("data")).resolve("till.db");
        Files.writeString(ledger, "a ledger that is there");
        Path notALedger = Files.writeString(dir.resolve("photo.db"), "not a database at all, but long enough to look like one");

        assertThat(RestoreFromBackup.restore(notALedger, dir.resolve("other").resolve("till.db"))).isEqualTo(
                new RestoreFromBackup.Result.Refused(TillMessage.of(TillMessage.Code.RESTORE_BACKUP_UNUSABLE, notALedger.toString())));
        assertThat(RestoreFromBackup.restore(notALedger, ledger)).isEqualTo(
                new RestoreFromBackup.Result.Refused(TillMessage.of(TillMessage.Code.RESTORE_WOULD_OVERWRITE, ledger.toString())));
        assertThat(RestoreFromBackup.restore(dir.resolve("missing.db"), dir.resolve("other").resolve("till.db"))).isEqualTo(
                new RestoreFromBackup.Result.Refused(TillMessage.of(TillMessage.Code.RESTORE_NO_BACKUP,
                        dir.resolve("missing.db").toString())));
        assertThat(ledger).content().isEqualTo("a ledger that is there");
        assertThat(dir.resolve("other").resolve("till.db")).doesNotExist();
    }
}
