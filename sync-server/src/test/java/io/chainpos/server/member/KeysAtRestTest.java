package io.chainpos.server.member;

import static io.chainpos.server.testing.Facts.key;
import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.model.member.MemberKey;
import io.chainpos.model.sync.MemberIds;
import io.chainpos.model.sync.MemberKeys;
import io.chainpos.server.ServerMain;
import io.chainpos.server.cli.Commands;
import io.chainpos.server.db.KeyRing;
import io.chainpos.server.testing.DatabaseText;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.TestServer.EnrolledTill;
import io.chainpos.model.testing.ManualClock;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 14, keys at rest on the server: members' keys and the phone-lookup secret are kept wrapped by a key file
 * outside the database; a server given other keys opens nothing; the keys rotate while the server serves.
 * {@code KeysAtRestOnPostgresTest} runs the same on PostgreSQL.
 */
class KeysAtRestTest {
    @TempDir
    Path dir;
    private final List<TestServer> servers = new ArrayList<>();

    String database() {
        return dir.resolve("chainpos.db").toString();
    }

    @AfterEach
    void stop() {
        servers.reversed().forEach(TestServer::close);
    }

    @Test
    @Timeout(120)
    void membersKeysAreWrappedAtRestAndRotateWhileTheServerServes() throws Exception {
        Path keyFile = dir.resolve("secrets").resolve("kek");
        KeyRing.addKey(keyFile, "k1");
        String db = database();
        TestServer server = started(TestServer.withKeyFile(db, keyFile));
        EnrolledTill till = server.enroll("S001", "S001-T1");
        assertThat(till.push(till.writer().next(List.of(registered(member(1), "13800138000", "王小明")))).status()).isEqualTo(200);
        awaitNameIndexSecret(server);

        // At rest: wrapped by k1, and neither the key nor the lookup secret readable in any table.
        List<String> keyRows = DatabaseText.rows(server.storage.database(), "member_keys");
        assertThat(keyRows).hasSize(1).allSatisfy(row -> assertThat(row).contains("\tkek:k1:"));
        assertThat(DatabaseText.rows(server.storage.database(), "chain_secrets")).allSatisfy(row -> assertThat(row).contains("\tkek:k1:"));
        assertThat(DatabaseText.everyTable(server.storage.database())).noneMatch(row -> row.contains(key(member(1)).key()));
        // In use: the till gets the key back, head office reads the name.
        assertThat(keysFor(till, member(1))).containsExactly(key(member(1)));
        assertThat(ReadApiTest.memberOf(till.api().get("/api/v1/members/" + member(1))).name()).isEqualTo("王小明");

        // A copy of the database with another key file (or none) opens nothing: a server on it refuses to start.
        Path otherFile = dir.resolve("other").resolve("kek");
        KeyRing.addKey(otherFile, "k9");
        assertThatThrownBy(() -> started(TestServer.withKeyFile(db, otherFile))).isInstanceOf(KeyRing.KeyUnavailable.class)
                .hasMessageContaining("'k1'");
        assertThat(run("serve", "--db", db, "--host", "127.0.0.1", "--port", "0", "--kek-file", otherFile.toString()))
                .contains("sync-server serve: the key-encryption key 'k1' is not in the key file");
        assertThat(run("kek", "rewrap", "--db", db, "--kek-file", otherFile.toString())).contains("3 could not be opened");

        // Rotation: a new key, everything wrapped again while the server runs, then the old key retired.
        assertThat(run("kek", "add", "--kek-file", keyFile.toString(), "--id", "k2")).contains("key k2 added");
        assertThat(run("kek", "rewrap", "--db", db, "--kek-file", keyFile.toString()))
                .contains("wrapped with k2: 1 member keys, 2 chain secrets");
        assertThat(DatabaseText.rows(server.storage.database(), "member_keys")).allSatisfy(row -> assertThat(row).contains("\tkek:k2:"));
        Files.write(keyFile, Files.readAllLines(keyFile).stream().filter(line -> !line.startsWith("k1 ")).toList());
        assertThat(run("kek", "status", "--db", db, "--kek-file", keyFile.toString())).contains("wrapping now: k2").containsPattern("k2\\s+3");

        assertThat(keysFor(till, member(1))).as("the running server read the file again").containsExactly(key(member(1)));
        assertThat(ReadApiTest.memberOf(till.api().get("/api/v1/members/" + member(1))).name()).isEqualTo("王小明");
        assertThat(till.push(till.writer().next(List.of(registered(member(2), "13900139000", "李雷")))).status()).isEqualTo(200);
        assertThat(DatabaseText.rows(server.storage.database(), "member_keys")).hasSize(2)
                .allSatisfy(row -> assertThat(row).contains("\tkek:k2:"));
        assertThat(keysFor(till, member(2))).containsExactly(key(member(2)));
    }

    @Test
    void keysKeptUnwrappedBeforeAKeyFileAreWrappedByRewrap() throws Exception {
        String db = database();
        TestServer plain = started(TestServer.on(db, TestServer.settings(false)));
        EnrolledTill till = plain.enroll("S001", "S001-T1");
        till.push(till.writer().next(List.of(registered(member(3), "13700137000", "韩梅梅"))));
        assertThat(DatabaseText.rows(plain.storage.database(), "member_keys")).singleElement()
                .satisfies(row -> assertThat(row).contains(key(member(3)).key()));
        awaitNameIndexSecret(plain);
        plain.close();
        servers.remove(plain);

        Path keyFile = dir.resolve("kek");
        KeyRing.addKey(keyFile, "k1");
        assertThat(run("kek", "status", "--db", db, "--kek-file", keyFile.toString())).containsPattern("unwrapped\\s+3");
        assertThat(run("kek", "rewrap", "--db", db, "--kek-file", keyFile.toString()))
                .contains("wrapped with k1: 1 member keys, 2 chain secrets");

        TestServer wrapped = started(TestServer.withKeyFile(db, keyFile));
        assertThat(DatabaseText.everyTable(wrapped.storage.database())).noneMatch(row -> row.contains(key(member(3)).key()));
        EnrolledTill again = new EnrolledTill(till.api().at(wrapped.uri()), till.writer());
        assertThat(keysFor(again, member(3))).containsExactly(key(member(3)));
        assertThat(ReadApiTest.memberOf(again.api().memberByPhone("13700137000")).name()).as("the lookup secret opened too")
                .isEqualTo("韩梅梅");
    }

    /**
     * The name index makes its secret on first use, on a thread of its own, a few seconds after a member arrives: once
     * there (beside the lookup secret), every count of wrapped rows is known.
     */
    private static void awaitNameIndexSecret(TestServer server) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                DatabaseText.rows(server.storage.database(), "chain_secrets").size() == 2);
    }

    @Test
    @Timeout(60)
    void aServerWhoseKeyFileIsMissingDoesNotStart() {
        String out = run("serve", "--db", database(), "--host", "127.0.0.1", "--port", "0", "--kek-file", dir.resolve("nowhere").toString());
        assertThat(out).contains("no key file at").contains("kek add");
    }

    private TestServer started(TestServer server) {
        servers.add(server);
        return server;
    }

    private static List<MemberKey> keysFor(EnrolledTill till, io.chainpos.model.id.MemberId member) {
        return Json.CODEC.read(till.api().post("/api/v1/members/keys/lookup", Json.CODEC.write(new MemberIds(List.of(member)))).body(),
                MemberKeys.class).keys();
    }

    /** Runs a {@code sync-server} command; its output and errors together. */
    private static String run(String... args) {
        CommandLine commands = Commands.commandLine(new ServerMain(new ManualClock(TestServer.START), new Random(5)), InputStream.nullInputStream());
        StringWriter text = new StringWriter();
        commands.setOut(new PrintWriter(text, true));
        commands.setErr(new PrintWriter(text, true));
        commands.execute(args);
        return text.toString();
    }
}
