package io.chainpos.till.ui.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.model.event.Gender;
import io.chainpos.model.member.MemberCode;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.device.printer.EscPosReader;
import io.chainpos.till.device.qr.QrCodes;
import io.chainpos.till.loyalty.MemberAccounts.MemberAccount;
import io.chainpos.till.testing.ScreenTill;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.Tasks;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The member screen's view-model on a real ledger: register in a few fields, find, show and print the QR code. */
class MemberViewModelTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    private final List<MemberAccount> usedOnSale = new ArrayList<>();
    @TempDir
    Path dir;
    private ScreenTill till;
    private MemberViewModel member;

    @BeforeEach
    void open() {
        till = ScreenTill.ready(dir, clock, true);
        member = new MemberViewModel(till.start(), Tasks.direct(), "owner", null, usedOnSale::add, a -> { });
    }

    @AfterEach
    void close() {
        till.close();
    }

    @Test
    void anUnknownPhoneLeadsToRegisteringAndTheNewMemberGoesOnTheSale() throws Exception {
        member.queryProperty().set("13912345678");
        member.enter();
        assertThat(member.noticeProperty().get().level()).isEqualTo(Notice.Level.ERROR);
        assertThat(member.phoneProperty().get()).as("the phone typed is kept for registering").isEqualTo("13912345678");

        member.tabProperty().set(MemberViewModel.Tab.REGISTER);
        member.nameProperty().set("周杰");
        member.genderProperty().set(Gender.MALE);
        member.birthdayProperty().set("1990-05-20");
        member.consentProperty().set(true);
        member.enter();

        MemberAccount registered = member.selectedProperty().get();
        assertThat(registered.member().name()).isEqualTo("周杰");
        assertThat(registered.member().consentMarketing()).isTrue();
        assertThat(member.tabProperty().get()).isEqualTo(MemberViewModel.Tab.FIND);
        assertThat(member.nameProperty().get()).as("the form is clear for the next one").isEmpty();
        String qrText = QrCodes.decode(ImageIO.read(new ByteArrayInputStream(member.qrCodeProperty().get()))).orElseThrow();
        assertThat(MemberCode.decode(qrText)).contains(registered.member().cardNo());

        member.enter();
        assertThat(usedOnSale).containsExactly(registered);
        assertThat(member.isClosed()).isTrue();
    }

    @Test
    void aBadBirthdayOrPhoneIsSaidAndNobodyIsRegistered() {
        member.tabProperty().set(MemberViewModel.Tab.REGISTER);
        member.phoneProperty().set("13912345678");
        member.nameProperty().set("周杰");
        member.birthdayProperty().set("20/05/1990");
        member.enter();
        assertThat(member.noticeProperty().get()).isEqualTo(Notice.error("member.badBirthday", "20/05/1990"));

        member.birthdayProperty().set("");
        member.phoneProperty().set("12345");
        member.enter();
        assertThat(member.noticeProperty().get()).isEqualTo(Notice.refused(TillMessage.of(TillMessage.Code.PHONE_INVALID)));
        assertThat(member.selectedProperty().get()).isNull();
    }

    @Test
    void aScannedMemberCodeFindsTheMemberAndTheirCardPrints() throws Exception {
        member.tabProperty().set(MemberViewModel.Tab.REGISTER);
        member.phoneProperty().set("13700000007");
        member.nameProperty().set("陈七");
        member.enter();
        String code = MemberCode.encode(member.selectedProperty().get().member().cardNo());
        MemberViewModel again = new MemberViewModel(till.start(), Tasks.direct(), "owner", null, usedOnSale::add, a -> { });

        assertThat(again.scanned(code)).isTrue();
        assertThat(again.selectedProperty().get().member().name()).isEqualTo("陈七");

        again.printCard();
        await().untilAsserted(() -> assertThat(Files.exists(till.printerFile())
                && EscPosReader.lines(Files.readAllBytes(till.printerFile())).stream().anyMatch(l -> l.contains("陈七"))).isTrue());
    }
}
