package io.chainpos.till.sync;

import static io.chainpos.till.testing.SyncedTill.cash;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.sync.SyncException;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.tills.JdbcTillChains;
import io.chainpos.server.tills.TillChains;
import io.chainpos.till.shift.Shifts;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.SyncedTill;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 防删单: a till's ledger file edited behind the till's back (a sale deleted or changed with plain SQL while the till
 * is closed) is found by the server when the till pushes, and listed in exceptions naming the till and the break; the
 * sales are stored and sync goes on. A till left alone raises nothing.
 */
class TamperEvidenceEndToEndTest {
    static final String COLA = "100001";
    static final EventCodec CODEC = EventCodec.standard();
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T03:00:00Z"));
    @TempDir
    Path dir;
    RealServer server;
    SyncedTill till;
    Path file;

    @BeforeEach
    void enroll() throws Exception {
        server = RealServer.startWithDemoData(dir.resolve("server"), clock);
        file = dir.resolve("till.db");
        till = SyncedTill.enroll(file, clock, server::uri, server.enrollmentCode("S001", "S001-T1"));
        till.sync();
    }

    @AfterEach
    void closeAll() throws Exception {
        if (till != null) {
            till.close();
        }
        server.close();
    }

    @Test
    void aTillLeftAloneRaisesNoBreak() throws Exception {
        for (int i = 0; i < 3; i++) {
            till.sell(null, COLA, 1000, cash(20_000));
            till.sync();
        }
        till.sell(null, COLA, 1000, cash(20_000));
        till.sell(null, COLA, 1000, cash(20_000));
        till.sync();

        assertThat(till.till.ledger.syncMarks().pendingCount()).isZero();
        assertThat(breaks()).isEmpty();
    }

    @Test
    void aSaleDeletedFromTheFileIsListedWithTheTillAndTheMissingSeqAndEverySaleLeftIsStored() throws Exception {
        till.sell(null, COLA, 1000, cash(20_000));
        till.sync();
        till.sell(null, COLA, 2000, cash(20_000));
        till.sell(null, COLA, 3000, cash(20_000));
        till.close();
        long deleted;
        String before;
        String gone;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            deleted = seqOfSale(db, 2);
            before = envelope(db, deleted - 1);
            gone = envelope(db, deleted);
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM ledger_events WHERE till_epoch = 1 AND till_seq = ?")) {
                delete.setLong(1, deleted);
                assertThat(delete.executeUpdate()).isEqualTo(1);
            }
        }
        long highest = highestSeq();
        till = SyncedTill.reopen(file, clock, server::uri);

        till.sync();

        assertThat(till.till.ledger.syncMarks().pendingCount()).as("sync is not blocked").isZero();
        assertThat(server.ports().log().mark(till.identity().tillId(), 1).ackedThrough()).isEqualTo(highest);
        assertThat(breaks()).singleElement().satisfies(e -> {
            assertThat(e.tillId()).isEqualTo("S001-T1");
            assertThat(e.detail()).isEqualTo("epoch 1 seq %d: events %d to %d are missing, expected %s got %s".formatted(
                    deleted + 1, deleted, deleted, sha256(before), sha256(gone)));
        });
        till.sell(null, COLA, 1000, cash(20_000));
        till.sync();
        assertThat(breaks()).as("a later push raises it no second time").hasSize(1);
    }

    @Test
    void theLastEventDeletedFromTheFileIsFoundWithTheNextSale() throws Exception {
        till.sell(null, COLA, 1000, cash(20_000));
        till.sync();
        till.sell(null, COLA, 2000, cash(20_000));
        till.close();
        long last = highestSeq();
        String before;
        String gone;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            before = envelope(db, last - 1);
            gone = envelope(db, last);
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM ledger_events WHERE till_epoch = 1 AND till_seq = ?")) {
                delete.setLong(1, last);
                assertThat(delete.executeUpdate()).isEqualTo(1);
            }
        }
        till = SyncedTill.reopen(file, clock, server::uri);
        till.sync();
        assertThat(breaks()).as("nothing after the hole yet").isEmpty();

        till.sell(null, COLA, 1000, cash(20_000));
        till.sync();

        assertThat(till.till.ledger.syncMarks().pendingCount()).isZero();
        assertThat(breaks()).singleElement().satisfies(e -> {
            assertThat(e.tillId()).isEqualTo("S001-T1");
            assertThat(e.detail()).isEqualTo("epoch 1 seq %d: events %d to %d are missing, expected %s got %s".formatted(
                    last + 1, last, last, sha256(before), sha256(gone)));
        });
    }

    @Test
    void aSaleChangedInTheFileIsListedWithTheTillTheSeqAndBothHashes() throws Exception {
        till.sell(null, COLA, 1000, cash(20_000));
        till.sell(null, COLA, 2000, cash(20_000));
        till.close();
        long changed;
        String original;
        String altered;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            changed = seqOfSale(db, 2);
            original = envelope(db, changed);
            ObjectNode event = (ObjectNode) CODEC.readTree(original);
            ObjectNode payload = (ObjectNode) event.get("payload");
            payload.put("total", payload.get("total").asLong() - 300);
            altered = event.toString();
            try (PreparedStatement update = db.prepareStatement("UPDATE ledger_events SET envelope = ? WHERE till_epoch = 1 AND till_seq = ?")) {
                update.setString(1, altered);
                update.setLong(2, changed);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
        }
        till = SyncedTill.reopen(file, clock, server::uri);

        till.sync();
        till.sync();

        assertThat(till.till.ledger.syncMarks().pendingCount()).isZero();
        assertThat(breaks()).singleElement().satisfies(e -> {
            assertThat(e.tillId()).isEqualTo("S001-T1");
            assertThat(e.detail()).isEqualTo("epoch 1 seq %d: the event at seq %d is not the one this event was chained to, expected %s got %s"
                    .formatted(changed + 1, changed, sha256(altered), sha256(original)));
        });
    }

    @Test
    void theChainAZReportPrintsIsTheOneHeadOfficeShowsForThatClose() throws Exception {
        till.sell(null, COLA, 1000, cash(20_000));
        Shifts.Closed closed = (Shifts.Closed) till.till.shifts.close("cashier", 50_350);
        till.sell(null, COLA, 1000, cash(20_000)); // the chain moves on after the close

        till.sync();

        TillChains chains = new JdbcTillChains(server.storage().database());
        assertThat(chains.closes("S001-T1", 10)).singleElement().satisfies(close -> {
            assertThat(close.epoch()).isEqualTo(closed.chainHead().epoch());
            assertThat(close.seq()).isEqualTo(closed.chainHead().seq());
            assertThat(close.hash()).isEqualTo(closed.chainHead().hash()).startsWith(closed.chainHead().shortHash());
        });
        long last = highestSeq();
        assertThat(chains.heads("S001-T1")).singleElement().satisfies(head -> assertThat(head.seq()).isEqualTo(last));
        assertThat(breaks()).isEmpty();
    }

    private List<SyncException> breaks() {
        return server.ports().exceptions().exceptions(100).stream().filter(e -> e.kind() == SyncException.Kind.CHAIN_BROKEN).toList();
    }

    private long highestSeq() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet rs = db.createStatement().executeQuery("SELECT MAX(till_seq) FROM ledger_events WHERE till_epoch = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The seq of the n-th sale this till recorded. */
    private static long seqOfSale(Connection db, int n) throws Exception {
        try (PreparedStatement q = db.prepareStatement(
                "SELECT till_seq FROM ledger_events WHERE type = 'SaleCompleted' ORDER BY till_seq LIMIT 1 OFFSET ?")) {
            q.setInt(1, n - 1);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }

    private static String envelope(Connection db, long seq) throws Exception {
        try (PreparedStatement q = db.prepareStatement("SELECT envelope FROM ledger_events WHERE till_epoch = 1 AND till_seq = ?")) {
            q.setLong(1, seq);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    /** SHA-256 of an event's canonical JSON (the protocol's hash), taken here from the text in the file. */
    static String sha256(String json) throws Exception {
        byte[] canonical = CODEC.canonical(CODEC.readTree(json)).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    }
}
