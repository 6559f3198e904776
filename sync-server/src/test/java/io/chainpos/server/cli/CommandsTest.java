package io.chainpos.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.ServerMain;
import io.chainpos.server.testing.Api;
import io.chainpos.server.testing.ChildJvm;
import io.chainpos.server.testing.Facts;
import io.chainpos.server.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The jar's commands, run in-process beside a running server on the same SQLite file. */
class CommandsTest {
    static final String CODE = "[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}";

    @TempDir
    Path dir;
    TestServer server;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        server = TestServer.start(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    int run(String stdin, String... args) {
        CommandLine commands = Commands.commandLine(new ServerMain(new ManualClock(TestServer.START), new Random(3)),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        commands.setOut(new PrintWriter(out, true));
        commands.setErr(new PrintWriter(err, true));
        return commands.execute(args);
    }

    String db() {
        return server.database.toString();
    }

    @Test
    void enrollPrintsOnlyACodeAndTheCodeEnrollsTheTill() {
        int exit = run("", "enroll", "--db", db(), "--store", "S001", "--till", "S001-T1");

        assertThat(exit).isZero();
        assertThat(out.toString()).matches(CODE + "\\R");
        Api.Reply reply = server.anonymous().post("/api/v1/enroll", "{\"code\":\"" + out.toString().strip() + "\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("tillId").asText()).isEqualTo("S001-T1");
    }

    @Test
    void enrollWithRevokeRefusesTheOldTokenAndPrintsTheReplacementCode() {
        TestServer.EnrolledTill dead = server.enroll("S001", "S001-T1");
        assertThat(run("", "enroll", "--db", db(), "--store", "S002", "--till", "S001-T1", "--revoke")).isEqualTo(Commands.REFUSED);
        assertThat(dead.api().get("/api/v1/sync/pull?after=0").status()).as("another store's word").isEqualTo(200);

        int exit = run("", "enroll", "--db", db(), "--store", "S001", "--till", "S001-T1", "--revoke");

        assertThat(exit).isZero();
        assertThat(out.toString()).matches(CODE + "\\R");
        assertThat(dead.api().get("/api/v1/sync/pull?after=0").status()).isEqualTo(401);
        Api.Reply reply = server.anonymous().post("/api/v1/enroll", "{\"code\":\"" + out.toString().strip() + "\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("tillEpoch").asInt()).isEqualTo(2);
        // Head office's audit names both acts, who ran them from the command line, and never the code itself.
        List<String> audit = io.chainpos.server.testing.DatabaseText.rows(server.storage.database(), "audit_log");
        String actor = "cli:" + System.getProperty("user.name");
        assertThat(audit).anySatisfy(row -> assertThat(row).contains(actor, "till.revoked", "S001-T1", "S001"));
        assertThat(audit).anySatisfy(row -> assertThat(row).contains(actor, "till.replacement-code", "S001-T1"));
        assertThat(audit).noneMatch(row -> row.contains(out.toString().strip()));
    }

    @Test
    void rebuildFoldsEveryReadModelAgainFromTheLog() throws Exception {
        TestServer.EnrolledTill till = server.enroll("S001", "S001-T1");
        io.chainpos.model.id.MemberId member = Facts.member(7);
        assertThat(till.push(List.of(till.writer().next(Facts.sale("R-1", "100001", 1500)),
                till.writer().next(Facts.points(member, 300)), till.writer().next(Facts.sale("R-2", "100002", 800)))).status())
                .isEqualTo(200);
        List<String> tables = List.of("sales_fact_items", "sales_fact_baskets", "sales_fact_tenders", "member_balances");
        server.ports.projector().catchUp(); // the projections follow the push; the file is read below without the server
        java.util.Map<String, List<String>> before = new java.util.TreeMap<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db())) {
            for (String table : tables) {
                before.put(table, rows(c, table));
                assertThat(before.get(table)).as(table).isNotEmpty();
            }
            for (String table : tables) {
                c.createStatement().execute("DELETE FROM " + table); // as a server upgraded from before these read models
            }
        }

        int exit = run("", "rebuild", "--db", db());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("rebuilt every read model from the event log in ");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db())) {
            for (String table : tables) {
                assertThat(rows(c, table)).as(table).isEqualTo(before.get(table));
            }
        }
    }

    private static List<String> rows(java.sql.Connection c, String table) throws java.sql.SQLException {
        List<String> rows = new java.util.ArrayList<>();
        try (java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + table)) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }

    @Test
    void enrollRefusesATillOfAnotherStoreAndBadIds() {
        server.enroll("S001", "S001-T1");

        assertThat(run("", "enroll", "--db", db(), "--store", "S002", "--till", "S001-T1")).isEqualTo(Commands.REFUSED);
        assertThat(err.toString()).contains("belongs to store S001");
        assertThat(run("", "enroll", "--db", db(), "--store", "S 1", "--till", "T1")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run("", "enroll", "--db", db(), "--store", "S001")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void userReadsThePasswordFromStandardInputAndTheAccountSignsIn() {
        int exit = run("a long passphrase\nignored second line\n", "user", "--db", db(), "--name", "hq-admin", "--role", "hq");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("hq-admin").contains("hq");
        Api.Reply login = server.anonymous().post("/api/v1/login",
                "{\"username\":\"hq-admin\",\"password\":\"a long passphrase\"}");
        assertThat(login.status()).isEqualTo(200);
        assertThat(server.anonymous().as(login.json().get("token").asText()).get("/api/v1/exceptions").status()).isEqualTo(200);
    }

    @Test
    void userRefusesMissingPasswordsUnknownRolesAndTakenNames() {
        assertThat(run("", "user", "--db", db(), "--name", "a", "--role", "hq")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run("password1\n", "user", "--db", db(), "--name", "a", "--role", "boss")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run("short\n", "user", "--db", db(), "--name", "a", "--role", "hq")).isEqualTo(Commands.REFUSED);
        assertThat(run("password1\n", "user", "--db", db(), "--name", "a", "--role", "cashier")).isZero();
        assertThat(run("password1\n", "user", "--db", db(), "--name", "a", "--role", "hq")).isEqualTo(Commands.REFUSED);
        assertThat(err.toString()).contains("already exists");
    }

    @Test
    void aPostgresqlThatCannotBeReachedIsSaidPlainly() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/chainpos";

        assertThat(run("", "serve", "--host", "127.0.0.1", "--db", url, "--port", "0", "--db-connect-timeout", "1")).isEqualTo(Commands.DATABASE_UNAVAILABLE);
        assertThat(run("", "enroll", "--db", url, "--db-connect-timeout", "1", "--store", "S001", "--till", "S001-T1"))
                .isEqualTo(Commands.DATABASE_UNAVAILABLE);
        assertThat(err.toString()).contains("cannot connect to PostgreSQL at " + url);
    }

    @Test
    void aPostgresUrlNotInJdbcFormIsExplained() {
        assertThat(run("", "enroll", "--db", "postgresql://db.example/chainpos", "--store", "S001", "--till", "S001-T1"))
                .isEqualTo(Commands.DATABASE_UNAVAILABLE);
        assertThat(err.toString()).contains("jdbc:postgresql://host:5432/database");
    }

    @Test
    void enrollAndUserWorkOnPostgresqlToo() {
        String url = io.chainpos.server.testing.EmbeddedDatabase.newDatabase();

        assertThat(run("", "enroll", "--db", url, "--store", "S001", "--till", "S001-T1")).isZero();
        assertThat(out.toString()).containsPattern(CODE);
        assertThat(run("password1\n", "user", "--db", url, "--name", "hq1", "--role", "hq")).isZero();
        assertThat(run("password1\n", "user", "--db", url, "--name", "hq1", "--role", "hq")).isEqualTo(Commands.REFUSED);
    }

    @Test
    void eventsDetachRefusesARetainedMonthDetachesAnOldOneAndRecordsIt() {
        String url = io.chainpos.server.testing.EmbeddedDatabase.newDatabase();
        ManualClock august = new ManualClock(java.time.Instant.parse("2026-08-10T12:00:00Z"));
        io.chainpos.server.testing.TillWriter till = new io.chainpos.server.testing.TillWriter("S001", "S001-T1", 1, august);
        try (io.chainpos.server.db.Storage storage = io.chainpos.server.db.Storage.open(url)) {
            io.chainpos.server.Ports.on(storage, io.chainpos.server.testing.Json.CODEC, august).log().ingest(new io.chainpos.server.log.IngestBatch(
                    till.till, 1, io.chainpos.server.testing.Json.incoming(till.next(List.of(Facts.sale("S001-T1-1", "100001", 350))))));
        }

        // The clock is at 2026-11-23: October ended within the 30 days.
        assertThat(run("", "events", "detach", "--before", "2026-11", "--db", url)).isEqualTo(Commands.REFUSED);
        assertThat(err.toString()).contains("2026-10 ends 2026-11-01, within the pull retention of 30 days", "--before 2026-10",
                "nothing was detached");
        assertThat(run("", "events", "detach", "--before", "2026-10", "--db", url)).isZero();
        assertThat(out.toString()).contains("detached 2026-08 (1 events) as table events_records_y2026m08",
                "pg_dump --table=events_records_y2026m08");
        assertThat(run("", "events", "months", "--db", url)).isZero();
        assertThat(out.toString()).contains("2026-08  detached  events_records_y2026m08", "2026-11  attached  events_records_y2026m11");
        try (io.chainpos.server.db.Storage storage = io.chainpos.server.db.Storage.open(url)) {
            assertThat(io.chainpos.server.testing.DatabaseText.rows(storage.database(), "audit_log"))
                    .anySatisfy(row -> assertThat(row).contains("cli:" + System.getProperty("user.name"), "events.detached",
                            "events_records_y2026m08", "2026-08: 1 events"));
        }
        assertThat(run("", "rebuild", "--db", url)).isEqualTo(Commands.REFUSED);
        assertThat(err.toString()).contains("1 month(s) of records are detached for archive");

        assertThat(run("", "events", "detach", "--before", "2026-09", "--db", db())).isEqualTo(Commands.REFUSED);
        assertThat(err.toString()).contains("partitioned by month on PostgreSQL only");
        assertThat(run("", "events", "detach", "--before", "2026/09", "--db", url)).isEqualTo(CommandLine.ExitCode.USAGE);
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsSaidPlainly() {
        String folder = dir.toString();

        assertThat(run("", "enroll", "--db", folder, "--store", "S001", "--till", "S001-T1")).isEqualTo(Commands.DATABASE_UNAVAILABLE);
        assertThat(err.toString()).contains("cannot open the SQLite database " + folder);
    }

    @Test
    void migrateCreatesTheSchemaAndWritesNothingElse() throws Exception {
        String url = io.chainpos.server.testing.EmbeddedDatabase.newDatabase();

        assertThat(run("", "migrate", "--db", url)).isZero();

        try (var c = java.sql.DriverManager.getConnection(url); var s = c.createStatement();
             var tables = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()");
             var rows = c.createStatement().executeQuery("SELECT (SELECT COUNT(*) FROM events) + (SELECT COUNT(*) FROM users)")) {
            tables.next();
            rows.next();
            assertThat(tables.getInt(1)).isGreaterThan(80);
            assertThat(rows.getLong(1)).isZero();
        }
        assertThat(out.toString()).contains("postgresql database's schema is up to date");
    }

    @Test
    void aReadReplicaIsRefusedBesideASqliteFileAndMustBePostgresql() {
        assertThat(run("", "serve", "--port", "0", "--host", "127.0.0.1", "--db", dir.resolve("other.db").toString(),
                "--read-db", "jdbc:postgresql://127.0.0.1:1/replica")).isEqualTo(Commands.DATABASE_UNAVAILABLE);
        assertThat(err.toString()).contains("--read-db needs a PostgreSQL primary");

        assertThat(run("", "serve", "--port", "0", "--host", "127.0.0.1", "--db", io.chainpos.server.testing.EmbeddedDatabase.newDatabase(),
                "--read-db", dir.resolve("replica.db").toString())).isEqualTo(Commands.DATABASE_UNAVAILABLE);
        assertThat(err.toString()).contains("--read-db takes a jdbc:postgresql:// URL");
    }

    @Test
    void helpNamesTheCommands() {
        assertThat(run("", "--help")).isZero();

        assertThat(out.toString()).contains("serve", "enroll", "user");
    }

    @Test
    void theJarsEnrollWritesNothingButTheCodeToStandardOutput() throws Exception {
        Path errFile = dir.resolve("enroll.err");

        ChildJvm.Result result = ChildJvm.run(List.of("enroll", "--db", db(), "--store", "S009", "--till", "S009-T1"), errFile);

        assertThat(result.exitCode()).as(Files.readString(errFile)).isZero();
        assertThat(result.stdout()).matches(CODE + "\\R");
        assertThat(Files.readString(errFile)).contains("INFO"); // the logs went to standard error
    }
}
