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

class SignInTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;

    @Test
    void aNewTillNeedsItsOwnerAndSignsNobodyIn() {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1")) {
            SignIn signIn = new SignIn(till.ledger, till.staff, new PinGuard(till.ledger, clock));

            assertThat(signIn.needsOwner()).isTrue();
            assertThat(signIn.signIn("8888")).isInstanceOf(SignIn.Refused.class);
        }
    }

    @Test
    void aPinSignsInItsOwnerWhateverTheRoleAndNoOneElse() {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1").withStaff()) {
            till.setUpStaff.save("c1", "小李", StaffAccountSet.Role.CASHIER, "1357", TestTill.OWNER_PIN);
            SignIn signIn = new SignIn(till.ledger, till.staff, till.pinGuard);

            assertThat(signIn.needsOwner()).isFalse();
            assertThat(signIn.signIn(" 1357 ")).isInstanceOfSatisfying(SignIn.SignedIn.class, in -> {
                assertThat(in.who().staffId()).isEqualTo("c1");
                assertThat(in.who().role()).isEqualTo(StaffAccountSet.Role.CASHIER);
            });
            assertThat(signIn.signIn(TestTill.MANAGER_PIN)).isInstanceOfSatisfying(SignIn.SignedIn.class,
                    in -> assertThat(in.who().name()).isEqualTo("王经理"));
            assertThat(signIn.signIn("0000")).isEqualTo(new SignIn.Refused(TillMessage.of(TillMessage.Code.PIN_UNKNOWN)));
            assertThat(signIn.signIn("")).isInstanceOf(SignIn.Refused.class);
        }
    }
}
