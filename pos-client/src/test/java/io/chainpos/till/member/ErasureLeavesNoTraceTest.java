package io.chainpos.till.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainpos.model.event.StoredValueChanged;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.device.printer.CodePage;
import io.chainpos.till.device.printer.EscPosReceiptPrinter;
import io.chainpos.till.device.printer.FilePrinterTransport;
import io.chainpos.till.device.printer.Language;
import io.chainpos.till.device.printer.MemberCardSlip;
import io.chainpos.till.device.printer.Paper;
import io.chainpos.till.device.printer.PrintJob;
import io.chainpos.till.device.printer.PrintJobStore;
import io.chainpos.till.device.printer.PrintQueue;
import io.chainpos.till.device.printer.QrPrinting;
import io.chainpos.till.device.printer.ReceiptCode;
import io.chainpos.till.device.printer.ReceiptFormat;
import io.chainpos.till.testing.CapturedLogs;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.SyncedTill;
import io.chainpos.till.testing.TestTill;
import io.chainpos.server.member.Members;
import io.chainpos.server.testing.Api;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's privacy proof: a member registered at a till, with a sale, stored value and a printed card slip,
 * synced to a real server on loopback, is erased by head office. Afterwards the raw bytes of every file in the
 * till's data folder (ledger, WAL, print queue) and the server's hold neither the phone digits nor the name, in
 * any encoding a till writes, while the chain's points and stored-value sums have not moved.
 */
class ErasureLeavesNoTraceTest {
    private static final String PHONE = "13912345678";
    private static final String NAME = "欧阳娜娜";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T03:00:00Z"));
    @TempDir
    Path dir;

    @Test
    void afterErasureNoFileOfTheTillOrTheServerHoldsThePhoneOrTheName() throws Exception {
        Path tillDir = dir.resolve("till");
        Path serverDir = dir.resolve("server");
        Path paper = dir.resolve("printed-elsewhere.bin");
        JsonNode before;
        List<Long> sumsBefore;
        try (CapturedLogs logs = new CapturedLogs();
             RealServer server = RealServer.startWithDemoData(serverDir, clock);
             SyncedTill till = SyncedTill.enroll(tillDir.resolve("till.db"), clock, server::uri, server.enrollmentCode("S001", "S001-T1"));
             PrintQueue queue = new PrintQueue(till.till.ledger, new PrintJobStore(), FilePrinterTransport.file(paper), false,
                     Duration.ofMinutes(1), clock)) {
            till.sync();
            Member member = till.register(PHONE, NAME);
            till.sell(member, "100001", 3000, SyncedTill.cash(2000));
            till.till.ledger.write(tx -> tx.append(new StoredValueChanged(member.memberId(), 10_000,
                    StoredValueChanged.Reason.TOPUP, null)));
            // The card slip goes through the print queue (to a file outside the data folder: paper the member took home);
            // the queue keeps its rendered bytes, with the name.
            new EscPosReceiptPrinter(queue, new ReceiptFormat(Paper.MM58, CodePage.GB18030, Language.ZH, TestTill.SHANGHAI,
                    List.of("全家便利"), List.of(), ReceiptCode.AUTO), QrPrinting.NATIVE)
                    .print(PrintJob.Kind.MEMBER_CARD, member.cardNo().value(), new MemberCardSlip(NAME, PHONE, member.cardNo()));
            till.sync();
            before = server.headOffice().get("/api/v1/members/" + member.memberId()).json();
            assertThat(before.get("name").asText()).isEqualTo(NAME);
            assertThat(before.get("phone").asText()).isEqualTo(PHONE);
            sumsBefore = sums(server, till);
            // The grep can fail: before erasure the print queue holds the name.
            assertThat(traces(tillDir)).as("the search finds what is there").isNotEmpty();

            Api.Reply erased = server.headOffice().post("/api/v1/members/" + member.memberId() + "/erase", "");
            assertThat(erased.status()).isEqualTo(200);
            till.sync();
            long jobsLeft = till.till.ledger.read(s -> s.handle().createQuery("SELECT COUNT(*) FROM print_jobs").mapTo(Long.class).one());
            assertThat(jobsLeft).as("the card slip left the print queue").isZero();

            java.util.Optional<Member> forgotten = till.till.ledger.read(s -> till.till.members.findById(s, member.memberId()));
            assertThat(forgotten).hasValueSatisfying(m -> {
                        assertThat(m.personalDataKnown()).isFalse();
                        assertThat(m.phone()).isNull();
                    });
            List<Member> byPhone = till.till.ledger.read(s -> till.till.members.findByPhone(s, PHONE));
            assertThat(byPhone).isEmpty();
            JsonNode after = server.headOffice().get("/api/v1/members/" + member.memberId()).json();
            assertThat(after.path("name").isMissingNode() || after.path("name").isNull()).isTrue();
            assertThat(after.path("phone").isMissingNode() || after.path("phone").isNull()).isTrue();
            assertThat(after.get("pointsBalance").asLong()).isEqualTo(before.get("pointsBalance").asLong()).isPositive();
            assertThat(after.get("storedValueBalance").asLong()).isEqualTo(10_000);
            assertThat(server.headOffice().memberByPhone(PHONE).status()).isEqualTo(404);
            assertThat(sums(server, till)).isEqualTo(sumsBefore);
            // The audit: who erased, in the log, without the person.
            JsonNode history = server.headOffice().get("/api/v1/members/" + member.memberId() + "/history").json();
            assertThat(history.toString()).contains("MemberErased", "hq:hq").doesNotContain(NAME).doesNotContain(PHONE);
            JsonNode export = server.headOffice().get("/api/v1/members/" + member.memberId() + "/export").json();
            assertThat(export.get("pointsBalance").asLong()).isEqualTo(before.get("pointsBalance").asLong());
            assertThat(export.toString()).doesNotContain(NAME).doesNotContain(PHONE);
            // No log line of the till or the server, at any level, shows the person.
            // The server's request log included: it saw the look-up in the body and the refused look-up in the URL.
            assertThat(server.headOffice().get("/api/v1/members?phone=" + PHONE).error()).isEqualTo("phone_in_url");
            assertThat(logs.lines()).as("the server's request log lines")
                    .anyMatch(line -> line.contains("event=http") && line.contains("path=/api/v1/members/lookup"))
                    .anyMatch(line -> line.contains("event=http") && line.contains("path=/api/v1/members ") && line.contains("status=400"));
            assertThat(logs.lines()).as("log lines").isNotEmpty()
                    .noneMatch(line -> line.contains(PHONE) || line.contains(NAME) || line.contains(PHONE.substring(3)));
            // A till that offers the key again (an old backup) is refused.
            assertThat(server.ports().members().storeMemberKeys(List.of(io.chainpos.model.member.MemberKey.generate(member.memberId()))))
                    .isZero();
        }

        assertThat(traces(tillDir)).as("the till's data folder").isEmpty();
        assertThat(traces(serverDir)).as("the server's data folder").isEmpty();
    }

    /** The chain's sums: on the server over every points and stored-value delta; on the till, the same from its tables. */
    private static List<Long> sums(RealServer server, SyncedTill till) {
        Members.BalanceTotals chain = server.ports().members().balanceTotals();
        long tillPoints = till.till.ledger.read(s -> s.handle().createQuery("SELECT COALESCE(SUM(delta), 0) FROM points_entries")
                .mapTo(Long.class).one());
        long tillStored = till.till.ledger.read(s -> s.handle().createQuery("SELECT COALESCE(SUM(delta), 0) FROM stored_value_entries")
                .mapTo(Long.class).one());
        return List.of(chain.points(), chain.storedValue(), tillPoints, tillStored);
    }

    /** Every file under {@code folder} that holds the phone digits or the name (UTF-8, GB18030, UTF-16). */
    private static List<String> traces(Path folder) throws IOException {
        List<byte[]> needles = List.of(PHONE.getBytes(StandardCharsets.US_ASCII), NAME.getBytes(StandardCharsets.UTF_8),
                NAME.getBytes(Charset.forName("GB18030")), NAME.getBytes(StandardCharsets.UTF_16LE),
                NAME.getBytes(StandardCharsets.UTF_16BE));
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                for (byte[] needle : needles) {
                    if (indexOf(content, needle) >= 0) {
                        found.add(folder.relativize(file) + " holds " + new String(needle, needle.length == PHONE.length()
                                ? StandardCharsets.US_ASCII : StandardCharsets.UTF_8).length() + " chars of the person");
                    }
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
