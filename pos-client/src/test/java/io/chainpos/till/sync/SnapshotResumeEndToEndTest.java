package io.chainpos.till.sync;

import static io.chainpos.till.testing.SyncedTill.cash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.member.Member;
import io.chainpos.till.testing.CuttingProxy;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.SyncedTill;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new till in a chain older than the retention downloads its snapshot through a relay that really cuts the
 * connection mid-download: it resumes from the bytes it kept (a {@code Range} on the wire, the bytes crossing the
 * relay about one snapshot's worth, not one per attempt), asks anew when the server no longer keeps the snapshot,
 * and ends holding exactly what a till that downloaded without a cut holds.
 */
class SnapshotResumeEndToEndTest {
    static final Duration RETENTION = Duration.ofDays(30);
    static final String COLA = "100001";
    /** The tables that say which till this is and what it sent: the rest is the chain's, which a snapshot fills. */
    static final List<String> TILL_TABLES = List.of("till_identity", "till_secrets", "till_state", "sync_acks", "ledger_events",
            "ledger_chain", "flyway_schema_history");

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T03:00:00Z"));
    @TempDir
    Path dir;
    RealServer server;
    CuttingProxy relay;
    final List<AutoCloseable> tills = new ArrayList<>();
    final List<Member> members = new ArrayList<>();

    @BeforeEach
    void aChainOlderThanTheRetention() throws IOException {
        server = RealServer.startOn(dir.resolve("server.db").toString(), clock, RETENTION, true);
        relay = new CuttingProxy(() -> server.uri().getPort());
        SyncedTill storeA = open(SyncedTill.enroll(dir.resolve("a.db"), clock, server::uri, server.enrollmentCode("S001", "S001-T1")));
        storeA.sync();
        for (int i = 0; i < 300; i++) {
            Member member = storeA.register("1370000%04d".formatted(i), "会员" + i);
            members.add(member);
            if (i % 3 == 0) {
                storeA.sell(member, COLA, 1000 + i, cash(500));
            }
        }
        storeA.sync();
        clock.advance(RETENTION.plusDays(10));
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : tills) {
            c.close();
        }
        relay.close();
        server.close();
    }

    @Test
    void aCutDownloadResumesAndEndsWithWhatAnUncutOneHolds() throws Exception {
        SyncedTill clean = open(newTill("clean", server.uri()));
        List<SyncProgress> cleanProgress = new CopyOnWriteArrayList<>();
        clean.agent.onProgress(cleanProgress::add);
        clean.sync();
        long length = cleanProgress.stream().filter(p -> p.stage() == SyncProgress.Stage.DOWNLOADING).mapToLong(SyncProgress::total)
                .max().orElseThrow();
        assertThat(clean.requested).contains("/api/v1/sync/snapshots");
        Map<String, List<String>> expected = chainTables(dir.resolve("clean.db"));
        assertThat(expected.get("members")).as("the chain's members came down").hasSizeGreaterThanOrEqualTo(members.size());
        clean.close();
        tills.remove(clean);

        SyncedTill cut = open(newTill("cut", relay.uri()));
        List<SyncProgress> progress = new CopyOnWriteArrayList<>();
        cut.agent.onProgress(progress::add);
        long before = relay.answeredBytes();
        relay.cut(length / 3, 2);

        assertThatThrownBy(cut::sync).as("the first cut").isInstanceOf(IOException.class);
        assertThatThrownBy(cut::sync).as("the second cut, a third of the way on").isInstanceOf(IOException.class);
        assertThat(Files.size(dir.resolve("cut-snapshot").resolve("snapshot.json.gz"))).as("what came before the cuts is kept")
                .isGreaterThan(length / 2).isLessThan(length);
        cut.sync();

        assertThat(relay.cutsLeft()).isZero();
        assertThat(relay.requests()).as("the till asked for the rest, not the whole again")
                .anyMatch(request -> request.matches("(?s).*GET /api/v1/sync/snapshots/[0-9a-f-]+ .*Range: bytes=[1-9][0-9]*-.*"));
        assertThat(relay.answeredBytes() - before).as("one snapshot's worth crossed the wire, and a few small answers")
                .isLessThan(length + 20_000);
        assertThat(progress).extracting(SyncProgress::stage).contains(SyncProgress.Stage.PREPARING, SyncProgress.Stage.DOWNLOADING,
                SyncProgress.Stage.INSTALLING);
        assertThat(progress).as("the resumed download starts where the cut left it")
                .anyMatch(p -> p.stage() == SyncProgress.Stage.DOWNLOADING && p.done() > 0 && p.done() < p.total() && p.left() == null);
        assertThat(progress.getLast()).isEqualTo(SyncProgress.IDLE);
        assertThat(dir.resolve("cut-snapshot").resolve("snapshot.json.gz")).as("installed, the download goes").doesNotExist();
        assertThat(chainTables(dir.resolve("cut.db"))).isEqualTo(expected);
        assertThat(cut.points(members.getFirst().memberId())).isPositive();
    }

    @Test
    void aSnapshotTheServerNoLongerKeepsIsAskedForAnew() throws Exception {
        SyncedTill cut = open(newTill("cut", relay.uri()));
        relay.cut(2_000, 1);
        assertThatThrownBy(cut::sync).isInstanceOf(IOException.class);
        assertThat(dir.resolve("cut-snapshot").resolve("snapshot.json")).exists();

        relay.dropAll();
        server.stop(); // its spooled snapshots go with it
        server.restart();
        cut.sync();

        assertThat(String.join("", relay.requests()).split("POST /api/v1/sync/snapshots", -1)).as("asked twice").hasSize(3);
        assertThat(dir.resolve("cut-snapshot").resolve("snapshot.json")).doesNotExist();
        Member first = members.getFirst();
        assertThat(cut.points(first.memberId())).isEqualTo(server.ports().members().member(first.memberId()).orElseThrow().pointsBalance())
                .isPositive();
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void aTillKilledWhileInstallingInstallsAgainFromTheFileItDownloaded() throws Exception {
        SyncedTill enrolled = newTill("killed", relay.uri());
        enrolled.close();
        Path ledger = dir.resolve("killed.db");
        Path snapshots = dir.resolve("killed-snapshot");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                io.chainpos.till.testing.SnapshotInstallChild.class.getName(), ledger.toString(), snapshots.toString(),
                relay.uri().toString()).redirectError(dir.resolve("child.err").toFile()).start();
        String said;
        try (java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            do {
                said = out.readLine(); // the logging's own lines come first
            } while (said != null && !said.startsWith("INSTALLING"));
            child.destroyForcibly(); // SIGKILL, inside the install's transaction
            child.waitFor();
        }
        assertThat(said).as(Files.readString(dir.resolve("child.err"))).isNotNull();
        String askedBefore = String.join("", relay.requests());

        assertThat(count(ledger, "members")).as("never half a chain").isZero();
        assertThat(count(ledger, "remote_events") + count(ledger, "remote_absorbed")).isZero();
        assertThat(snapshots.resolve("snapshot.json.gz")).as("the download stays for the next start").exists();
        SyncedTill again = open(SyncedTill.reopenDownloading(ledger, snapshots, clock, relay::uri));
        again.sync();

        String askedAfter = String.join("", relay.requests()).substring(askedBefore.length());
        assertThat(askedAfter).as("installed from the file, not downloaded again").doesNotContain("/api/v1/sync/snapshots");
        assertThat(count(ledger, "members")).isGreaterThanOrEqualTo(members.size());
        Member first = members.getFirst();
        assertThat(again.points(first.memberId())).isEqualTo(server.ports().members().member(first.memberId()).orElseThrow()
                .pointsBalance()).isPositive();
        assertThat(snapshots.resolve("snapshot.json.gz")).doesNotExist();
    }

    static long count(Path ledger, String table) throws SQLException {
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + ledger);
             ResultSet rs = sqlite.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            return rs.getLong(1);
        }
    }

    /** The same till enrolled again on a new ledger: the same snapshot is due to it, so its tables can be compared. */
    SyncedTill newTill(String name, java.net.URI via) {
        String code = server.enrollmentCode("S002", "S002-T1");
        return SyncedTill.enrollDownloading(dir.resolve(name + ".db"), dir.resolve(name + "-snapshot"), clock, () -> via, code);
    }

    SyncedTill open(SyncedTill till) {
        tills.add(till);
        return till;
    }

    static Map<String, List<String>> chainTables(Path ledger) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + ledger)) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = sqlite.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' "
                    + "AND name NOT LIKE 'sqlite%' ORDER BY name")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            names.removeAll(TILL_TABLES);
            for (String table : names) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = sqlite.createStatement().executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= columns; c++) {
                            Object value = rs.getObject(c);
                            row.append(rs.getMetaData().getColumnName(c)).append('=')
                                    .append(value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : value).append(';');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                tables.put(table, rows);
            }
        }
        return tables;
    }
}
