package io.chainpos.till.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.SyncedTill;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4: the same phone registered at two stores while both are offline. Two real tills, a real server on
 * loopback: once both push, head office's MembersMerged makes them one member everywhere. Balances add,
 * history joins, and both tills find the survivor by either id, by phone and by either card; a sale to the old
 * id after the merge counts for the survivor.
 */
class DuplicatePhoneMergeEndToEndTest {
    private static final String PHONE = "13655556666";
    private static final String COLA = "100001";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T03:00:00Z"));
    @TempDir
    Path dir;

    @Test
    void theSamePhoneRegisteredOfflineAtTwoStoresEndsAsOneMember() throws Exception {
        AtomicReference<URI> address = new AtomicReference<>();
        try (RealServer server = RealServer.startWithDemoData(dir.resolve("server"), clock)) {
            address.set(server.uri());
            try (SyncedTill a = SyncedTill.enroll(dir.resolve("a.db"), clock, address::get, server.enrollmentCode("S001", "S001-T1"));
                 SyncedTill b = SyncedTill.enroll(dir.resolve("b.db"), clock, address::get, server.enrollmentCode("S002", "S002-T1"))) {
                a.sync();
                b.sync();
                // Both stores offline: the server is down while the same person registers at each.
                server.stop();
                Member atA = a.register(PHONE, "陈静");
                clock.advance(Duration.ofMinutes(5));
                Member atB = b.register("136-5555-6666", "陈 静");
                long earnedA = a.sell(atA, COLA, 4000, SyncedTill.cash(2000)).pointsEarned();
                long earnedB = b.sell(atB, COLA, 2000, SyncedTill.cash(1000)).pointsEarned();
                assertThat(atA.memberId()).isNotEqualTo(atB.memberId());

                server.restart();
                address.set(server.uri());
                a.sync();
                b.sync();
                // Head office publishes the merge once the server's projector has merged both registrations.
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> server.headOffice()
                        .get("/api/v1/members/" + atB.memberId()).json().get("memberId").asText().equals(atA.memberId().toString()));
                a.sync();
                b.sync();

                JsonNode merged = server.headOffice().memberByPhone(PHONE).json();
                MemberId survivor = MemberId.parse(merged.get("memberId").asText());
                assertThat(survivor).as("the older registration survives").isEqualTo(atA.memberId());
                assertThat(merged.get("pointsBalance").asLong()).isEqualTo(earnedA + earnedB).isPositive();
                assertThat(server.headOffice().get("/api/v1/members/" + atB.memberId()).json().get("memberId").asText())
                        .isEqualTo(survivor.toString());
                JsonNode history = server.headOffice().get("/api/v1/members/" + atB.memberId() + "/history").json();
                assertThat(history.get("entries")).extracting(e -> e.get("type").asText())
                        .filteredOn("SaleCompleted"::equals).hasSize(2);

                for (SyncedTill till : List.of(a, b)) {
                    List<Member> byPhone = till.till.ledger.read(s -> till.till.members.findByPhone(s, PHONE));
                    assertThat(byPhone).extracting(Member::memberId).containsExactly(survivor);
                    Optional<Member> byOldId = till.till.ledger.read(s -> till.till.members.findById(s, atB.memberId()));
                    assertThat(byOldId).map(Member::memberId).contains(survivor);
                    Optional<Member> byOldCard = till.till.ledger.read(s -> till.till.members.findByCard(s, atB.cardNo()));
                    assertThat(byOldCard).map(Member::memberId).contains(survivor);
                    assertThat(byOldCard).map(Member::name).as("the key came with the merge").contains("陈静");
                    assertThat(till.points(atB.memberId())).isEqualTo(till.points(survivor)).isEqualTo(earnedA + earnedB);
                }

                // Store B still has the old id on a parked card: the sale counts for the survivor everywhere.
                long more = b.sell(atB, COLA, 1000, SyncedTill.cash(500)).pointsEarned();
                b.sync();
                a.sync();
                assertThat(a.points(survivor)).isEqualTo(earnedA + earnedB + more);
                assertThat(b.points(survivor)).isEqualTo(earnedA + earnedB + more);
                assertThat(server.headOffice().get("/api/v1/members/" + survivor).json().get("pointsBalance").asLong())
                        .isEqualTo(earnedA + earnedB + more);
            }
        }
    }
}
