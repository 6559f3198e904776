package io.chainpos.till.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.member.MemberCode;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.device.qr.MemberQrCodes;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FindMemberTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;

    private Member register(TestTill till) {
        return ((RegisterMember.Registered) till.registerMember.register(
                new RegisterMember.Request("13800000001", "李雷", null, null, true))).member();
    }

    @ParameterizedTest
    @ValueSource(strings = {"13800000001", "138 0000 0001", "+86 13800000001"})
    void byPhoneHoweverTyped(String typed) {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1")) {
            Member member = register(till);
            assertThat(new FindMember(till.ledger, till.members).find(typed)).isEqualTo(new FindMember.Found(member));
        }
    }

    @Test
    void byCardAndByTheQrCodeTheTillShowsAndPrints() throws Exception {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1")) {
            Member member = register(till);
            FindMember find = new FindMember(till.ledger, till.members);
            assertThat(find.find(member.cardNo().value())).isEqualTo(new FindMember.Found(member));
            assertThat(find.find(MemberCode.encode(member.cardNo()))).isEqualTo(new FindMember.Found(member));

            // The QR the till shows on screen, as a picture a customer photographs and shows back.
            Path png = dir.resolve("qr.png");
            Files.write(png, MemberQrCodes.png(member.cardNo(), 240));
            String scanned = MemberQrCodes.readText(png).orElseThrow();
            assertThat(find.find(scanned)).isEqualTo(new FindMember.Found(member));
        }
    }

    @Test
    void aQrCodeWhoseCheckFailsOrFromAnotherSystemIsRefusedNotLookedUp() {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1")) {
            Member member = register(till);
            FindMember find = new FindMember(till.ledger, till.members);
            String good = MemberCode.encode(member.cardNo());
            String badCheck = good.substring(0, good.length() - 2) + (good.endsWith("00") ? "01" : "00");
            String otherCard = "CPM1:" + member.cardNo().value().substring(0, 17) + "0:" + good.substring(good.length() - 2);

            assertThat(find.find(badCheck)).isInstanceOf(FindMember.BadCode.class);
            assertThat(find.find(otherCard)).isInstanceOf(FindMember.BadCode.class);
            assertThat(find.find("CPM1:garbage")).isInstanceOf(FindMember.BadCode.class);
            assertThat(find.find("https://example.com/member/42")).isInstanceOf(FindMember.BadCode.class);
            assertThat(find.find("")).isInstanceOf(FindMember.BadCode.class);
            // A card number with a wrong check digit (one digit mistyped) says so.
            String card = member.cardNo().value();
            String typo = card.substring(0, 17) + (char) ('0' + (card.charAt(17) - '0' + 1) % 10);
            assertThat(find.find(typo)).isEqualTo(new FindMember.BadCode(TillMessage.of(TillMessage.Code.CARD_CHECK_DIGIT)));
            assertThat(find.find("13900000009")).isInstanceOf(FindMember.NotFound.class);
        }
    }
}
