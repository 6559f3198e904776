package io.chainpos.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.server.auth.TillPrincipal;
import io.chainpos.server.db.Database;
import io.chainpos.server.db.DatabaseSettings;
import io.chainpos.server.db.Storage;
import io.chainpos.server.log.PullPage;
import io.chainpos.server.testing.EmbeddedDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A till's contacts are not written while its push is answered but gathered and written together, on a real database:
 * each till's latest push and pull, what its pushes said of each epoch at its highest, never a time moved back, and
 * nothing lost when a write fails.
 */
class TillContactsTest {
    private static final TillPrincipal TILL = new TillPrincipal(StoreId.of("S001"), TillId.of("S001-T1"), 1);
    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");
    private static final Duration NEVER = Duration.ofDays(1); // the test writes by flush()

    @TempDir
    Path dir;

    private Storage open(String kind) {
        return "sqlite".equals(kind) ? Storage.open(dir.resolve("server.db").toString())
                : Storage.open(DatabaseSettings.of(EmbeddedDatabase.newDatabase()).withPoolSize(2));
    }

    private static final class StepClock extends Clock {
        private Instant now = T0;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static PushBody body(long heldThrough, String lastReceipt) {
        String held = heldThrough == 0 ? "" : ",\"held\":{\"throughSeq\":%d,\"lastReceipt\":\"%s\"}".formatted(heldThrough, lastReceipt);
        return PushBody.parse(EventCodec.standard(), ("{\"tillId\":\"S001-T1\",\"tillEpoch\":1,\"events\":[]" + held + "}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> activity(Database db) {
        return db.read(h -> h.createQuery("SELECT last_push_ms, last_pull_ms, contact_ms, pulled_to, pull_lag, app_version "
                + "FROM till_activity WHERE till_id = 'S001-T1'").mapToMap().findOne().orElse(Map.of()));
    }

    private static long held(Database db, String column) {
        return db.read(h -> h.createQuery("SELECT " + column + " FROM till_held WHERE till_id = 'S001-T1' AND till_epoch = 1")
                .mapTo(Long.class).one());
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void contactsAreGatheredAndWrittenTogetherWithTheLatestOfEach(String kind) {
        StepClock clock = new StepClock();
        try (Storage storage = open(kind);
             TillContacts contacts = new TillContacts(new JdbcTillActivity(storage.direct()), clock, NEVER)) {
            Database db = storage.database();
            contacts.pushed(TILL, "1.4.0", body(40, "S001-T1-1-000012"), true, true);
            assertThat(activity(db)).as("the push was answered without a write").isEmpty();

            clock.now = T0.plusSeconds(1);
            contacts.pushed(TILL, null, body(35, "S001-T1-1-000010"), true, true); // an older word on the ledger, no version
            clock.now = T0.plusSeconds(2);
            contacts.pulled(TILL, "1.4.0", 100, new PullPage(List.of(), 150, true, 170));
            contacts.flush();

            Map<String, Object> row = activity(db);
            assertThat(number(row, "last_push_ms")).isEqualTo(T0.plusSeconds(1).toEpochMilli());
            assertThat(number(row, "last_pull_ms")).isEqualTo(T0.plusSeconds(2).toEpochMilli());
            assertThat(number(row, "contact_ms")).isEqualTo(T0.plusSeconds(2).toEpochMilli());
            assertThat(number(row, "pulled_to")).isEqualTo(150);
            assertThat(number(row, "pull_lag")).isEqualTo(70);
            assertThat(row.get("app_version")).isEqualTo("1.4.0");
            assertThat(held(db, "held_through")).as("each figure at its highest of the two pushes").isEqualTo(40);
            assertThat(held(db, "last_receipt")).isEqualTo(12);

            // A contact written late (another node's batch) does not move the stored times back.
            new JdbcTillActivity(storage.direct()).record(List.of(new TillActivity.Pushed(TILL, "1.3.9", T0.minusSeconds(60),
                    List.of(new TillActivity.Held(1, 30, 9, 9)))), List.of());
            row = activity(db);
            assertThat(number(row, "last_push_ms")).isEqualTo(T0.plusSeconds(1).toEpochMilli());
            assertThat(number(row, "contact_ms")).isEqualTo(T0.plusSeconds(2).toEpochMilli());
            assertThat(held(db, "held_through")).isEqualTo(40);
            assertThat(held(db, "reported_ms")).isEqualTo(T0.plusSeconds(1).toEpochMilli());
        }
    }

    @Test
    void aFailedWriteKeepsTheContactsForTheNextUnderNewerOnes() {
        AtomicInteger failures = new AtomicInteger(2);
        List<List<TillActivity.Pushed>> written = new java.util.ArrayList<>();
        TillActivity failingOnce = new TillActivity() { // a database failing on demand: what a real one will not do
            @Override
            public void record(List<Pushed> pushes, List<Pulled> pulls) {
                if (failures.getAndDecrement() > 0) {
                    throw new IllegalStateException("disk full");
                }
                written.add(pushes);
            }
        };
        StepClock clock = new StepClock();
        try (TillContacts contacts = new TillContacts(failingOnce, clock, NEVER)) {
            contacts.pushed(TILL, "1.4.0", body(40, "S001-T1-1-000012"), true, true);
            assertThatThrownBy(contacts::flush).hasMessageContaining("disk full");
            contacts.flushOrLog(); // what the tills pages call: fails again, logged, not thrown
            clock.now = T0.plusSeconds(5);
            contacts.pushed(TILL, null, body(41, "S001-T1-1-000011"), true, true);
            contacts.flush();
        }
        assertThat(written).hasSize(1);
        TillActivity.Pushed push = written.getFirst().getFirst();
        assertThat(push.at()).isEqualTo(T0.plusSeconds(5));
        assertThat(push.version()).as("the failed batch's version kept under the newer push that said none").isEqualTo("1.4.0");
        assertThat(push.held()).containsExactly(new TillActivity.Held(1, 41, 12, 0));
    }

    @Test
    void closingWithTheLastWriteFailingDoesNotStopTheServersClosing() {
        TillActivity full = (pushes, pulls) -> { // a disk full at the server's stop, on demand
            throw new IllegalStateException("disk full");
        };
        TillContacts contacts = new TillContacts(full, new StepClock(), NEVER);
        contacts.pushed(TILL, "1.4.0", body(40, null), true, true);
        assertThatCode(contacts::close).as("logged; the spool, timers and database close after it").doesNotThrowAnyException();
    }

    @Test
    void theWritingThreadWritesWithoutBeingAsked() throws InterruptedException {
        List<TillActivity.Pushed> written = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        TillActivity recording = (pushes, pulls) -> written.addAll(pushes);
        try (TillContacts contacts = new TillContacts(recording, new StepClock(), Duration.ofMillis(20))) {
            contacts.pushed(TILL, "1.4.0", body(0, null), true, true);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (written.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(written).extracting(TillActivity.Pushed::version).containsExactly("1.4.0");
        }
    }
}
