package io.chainpos.till.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.ManagerApproved;
import io.chainpos.model.event.StaffAccountSet;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guessing PINs at a till: five wrong in a row lock PIN entry, a restart keeps the lock, a manager unlocks, audited. */
class PinLockoutTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;

    @Test
    void fiveWrongPinsLockEveryPinUntilAManagerUnlocksEvenAcrossARestart() {
        Path file = dir.resolve("till.db");
        try (TestTill till = new TestTill(file, clock, "S001", "S001-T1").withStaff()) {
            till.setUpStaff.save("c1", "小李", StaffAccountSet.Role.CASHIER, "1357", TestTill.OWNER_PIN);
            SignIn signIn = new SignIn(till.ledger, till.staff, till.pinGuard);
            for (String guess : List.of("0000", "1111", "2222", "3333")) {
                assertThat(signIn.signIn(guess)).isInstanceOf(SignIn.Refused.class);
            }
            assertThat(signIn.signIn("4444")).isEqualTo(new SignIn.Locked(5));

            assertThat(signIn.signIn("1357")).as("the right cashier PIN, once locked").isEqualTo(new SignIn.Locked(6));
            assertThat(till.approvals.approve(TestTill.MANAGER_PIN, "PRICE_OVERRIDE")).as("no approval while locked").isEmpty();
        }

        try (TestTill restarted = new TestTill(file, clock, "S001", "S001-T1")) {
            SignIn signIn = new SignIn(restarted.ledger, restarted.staff, restarted.pinGuard);
            assertThat(signIn.signIn("1357")).as("closing the till gives no fresh tries").isEqualTo(new SignIn.Locked(7));

            clock.advance(java.time.Duration.ofMinutes(3));
            assertThat(signIn.signIn(TestTill.MANAGER_PIN)).isInstanceOfSatisfying(SignIn.Unlocked.class,
                    unlocked -> assertThat(unlocked.by().staffId()).isEqualTo("manager"));
            assertThat(signIn.signIn("1357")).isInstanceOfSatisfying(SignIn.SignedIn.class,
                    in -> assertThat(in.who().staffId()).isEqualTo("c1"));
            assertThat(restarted.approvals.approve(TestTill.MANAGER_PIN, "PRICE_OVERRIDE")).isPresent();

            List<ManagerApproved> audit = restarted.ledger.read(s -> s.handle()
                            .createQuery("SELECT envelope FROM ledger_events ORDER BY till_epoch, till_seq").mapTo(String.class).list()).stream()
                    .map(restarted.codec::fromJson).map(EventEnvelope::payload)
                    .filter(ManagerApproved.class::isInstance).map(ManagerApproved.class::cast)
                    .filter(a -> a.action().equals("PIN_UNLOCK")).toList();
            assertThat(audit).singleElement().satisfies(a -> {
                assertThat(a.approvedBy()).isEqualTo("manager");
                assertThat(a.detail()).isEqualTo("after 7 wrong PINs; locked since 2026-11-23T02:00:00Z");
            });
        }
    }

    @Test
    void aCashiersPinDoesNotUnlockAndARightPinStartsTheCountAgain() {
        try (TestTill till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1").withStaff()) {
            till.setUpStaff.save("c1", "小李", StaffAccountSet.Role.CASHIER, "1357", TestTill.OWNER_PIN);
            SignIn signIn = new SignIn(till.ledger, till.staff, till.pinGuard);
            for (int i = 0; i < 4; i++) {
                signIn.signIn("9999");
            }
            assertThat(signIn.signIn("1357")).isInstanceOf(SignIn.SignedIn.class);
            for (int i = 0; i < 4; i++) {
                assertThat(signIn.signIn("9999")).as("the count started again").isInstanceOf(SignIn.Refused.class);
            }
            assertThat(till.approvals.approve("9998", "VOID")).as("a wrong manager PIN counts too").isEmpty();
            assertThat(till.pinGuard.state().locked()).isTrue();
            assertThat(signIn.signIn("1357")).isInstanceOf(SignIn.Locked.class);
            assertThat(signIn.signIn(TestTill.OWNER_PIN)).isInstanceOf(SignIn.Unlocked.class);
        }
    }
}
