package io.chainpos.till.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.StaffAccountSet;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaffTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;

    @Test
    void theFirstAccountIsTheOwnersAndLaterOnesNeedTheOwnersPin() {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1")) {
            assertThat(till.setUpStaff.save("m1", "经理", StaffAccountSet.Role.MANAGER, "2468", null))
                    .isEqualTo(new SetUpStaff.Refused(TillMessage.of(TillMessage.Code.FIRST_ACCOUNT_IS_OWNER)));
            assertThat(till.setUpStaff.save("owner", "店主", StaffAccountSet.Role.OWNER, "8888", null))
                    .isInstanceOf(SetUpStaff.Saved.class);
            assertThat(till.setUpStaff.save("m1", "经理", StaffAccountSet.Role.MANAGER, "2468", "0000"))
                    .isEqualTo(new SetUpStaff.Refused(TillMessage.of(TillMessage.Code.OWNER_PIN_NEEDED)));
            assertThat(till.setUpStaff.save("m1", "经理", StaffAccountSet.Role.MANAGER, "8888", "8888"))
                    .isEqualTo(new SetUpStaff.Refused(TillMessage.of(TillMessage.Code.PIN_TAKEN)));
            assertThat(till.setUpStaff.save("m1", "经理", StaffAccountSet.Role.MANAGER, "12", "8888"))
                    .isEqualTo(new SetUpStaff.Refused(TillMessage.of(TillMessage.Code.PIN_FORMAT)));
            assertThat(till.setUpStaff.save("m1", "经理", StaffAccountSet.Role.MANAGER, "2468", "8888"))
                    .isInstanceOf(SetUpStaff.Saved.class);
        }
    }

    @Test
    void managersApproveCounterActionsButNotStaffSetupAndNoPinIsStoredInClear() {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1").withStaff()) {
            assertThat(till.approvals.approve(TestTill.MANAGER_PIN, "VOID")).contains(new Approval("manager", "王经理", "VOID"));
            assertThat(till.approvals.approve(TestTill.MANAGER_PIN, PinManagerApprovals.STAFF_SETUP)).isEmpty();
            assertThat(till.approvals.approve(TestTill.OWNER_PIN, PinManagerApprovals.STAFF_SETUP)).isPresent();
            assertThat(till.approvals.approve("1357", "VOID")).isEmpty();

            String ledger = till.ledger.read(s -> String.join("\n", s.handle()
                    .createQuery("SELECT envelope FROM ledger_events").mapTo(String.class).list()));
            assertThat(ledger).contains("pbkdf2-sha256$").doesNotContain("\"" + TestTill.MANAGER_PIN + "\"")
                    .doesNotContain(":" + TestTill.MANAGER_PIN);
        }
    }
}
