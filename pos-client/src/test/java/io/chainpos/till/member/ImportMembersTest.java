package io.chainpos.till.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Gender;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.TillWords;
import io.chainpos.till.testing.TestTill;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportMembersTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;

    @Test
    void goodRowsBecomeMembersAndEveryOtherRowIsReportedByLineWithoutThePerson() throws Exception {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1")) {
            till.registerMember.register(new RegisterMember.Request("13800000009", "老会员", null, null, false));
            String csv = """
                    \uFEFFPhone,Name,Gender,Birthday,Consent_Marketing,Card_No
                    138 0000 0001,张三,男,1990-05-17,是,661234567
                    13800000002,李四,F,1985/2/3,0,
                    12345,王五,,,,
                    13800000003,,,,,
                    13800000004,赵六,X,,,
                    13800000005,钱七,,1990-02-30,,
                    13800000006,孙八,,2027-01-01,,
                    13800000001,张三 again,,,,
                    13800000009,老会员,,,,
                    13800000007,周九,,,maybe,
                    13800000008,吴十,,,,661234567
                    13800000010,郑十一,,19991231,1,12ab
                    """;

            ImportMembers.Report report = new ImportMembers(till.ledger, till.registerMember, till.members)
                    .importCsv(new StringReader(csv));

            assertThat(report.imported()).isEqualTo(2);
            assertThat(report.rejected()).extracting(ImportMembers.RejectedRow::line).containsExactly(4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);
            assertThat(report.rejected()).extracting(r -> TillWords.say(r.reason(), Locale.ENGLISH)).containsExactly(
                    "phone: Not a mainland mobile number: 11 digits starting 13-19 (+86 allowed).",
                    "name: A name is needed.",
                    "gender is not one of M, F, 男, 女 or empty.",
                    "birthday is not a date (write 1990-05-17).",
                    "birthday: The birthday is in the future.",
                    "phone: already a member (card 661234567).",
                    TillWords.say(report.rejected().get(6).reason(), Locale.ENGLISH),
                    "consent_marketing is not yes/no, 1/0, true/false, 是/否 or empty.",
                    "card_no already belongs to a member.",
                    "card_no is 6 to 32 digits.");
            assertThat(TillWords.say(report.rejected().get(6).reason(), Locale.ENGLISH)).startsWith("phone: already a member (card 8");
            assertThat(report.toString()).doesNotContain("张三", "13800000001", "李四");

            Optional<Member> zhang = till.ledger.read(s -> till.members.findByCard(s, new CardNo("661234567")));
            assertThat(zhang).hasValueSatisfying(m -> {
                assertThat(m.name()).isEqualTo("张三");
                assertThat(m.phone()).isEqualTo("13800000001");
                assertThat(m.gender()).isEqualTo(Gender.MALE);
                assertThat(m.birthday()).isEqualTo(LocalDate.of(1990, 5, 17));
                assertThat(m.consentMarketing()).isTrue();
            });
            List<Member> li = till.ledger.read(s -> till.members.findByPhone(s, "13800000002"));
            assertThat(li).singleElement().satisfies(m -> assertThat(m.birthday()).isEqualTo(LocalDate.of(1985, 2, 3)));
            String ledger = till.ledger.read(s -> String.join("", s.handle().createQuery("SELECT envelope FROM ledger_events")
                    .mapTo(String.class).list()));
            assertThat(ledger).doesNotContain("张三", "13800000001");
        }
    }

    @Test
    void aFileWithoutThePhoneColumnIsRefusedWhole() throws Exception {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1")) {
            ImportMembers.Report report = new ImportMembers(till.ledger, till.registerMember, till.members)
                    .importCsv(new StringReader("mobile,name\n13800000001,张三\n"));
            assertThat(report.imported()).isZero();
            assertThat(report.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo(TillMessage.of(TillMessage.Code.IMPORT_HEADER_MISSING, "phone",
                    "phone,name,gender,birthday,consent_marketing,card_no")));
            assertThat(till.ledger.syncMarks().pendingCount()).isZero();
        }
    }
}
