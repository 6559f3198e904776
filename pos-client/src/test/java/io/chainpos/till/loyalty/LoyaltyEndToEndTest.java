package io.chainpos.till.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.loyalty.StoredValue;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.member.Member;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.SyncedTill;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Interceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's acceptance, with two stores' real tills and a real server on loopback: a member registers at
 * store A while it is offline, tops up and earns there; once both stores have synced the member redeems at
 * store B; then both stores are cut off and spend the same points, and the server lists the overdraft.
 */
class LoyaltyEndToEndTest {
    private static final String COLA = "100001"; // 3.50, member price 3.00
    private static final String WATER = "100002"; // 2.00

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T03:00:00Z"));
    private final AtomicReference<URI> address = new AtomicReference<>();
    private final AtomicBoolean aOffline = new AtomicBoolean();
    private final AtomicBoolean bOffline = new AtomicBoolean();
    @TempDir
    Path dir;
    private RealServer server;
    private SyncedTill a;
    private SyncedTill b;

    @AfterEach
    void closeAll() {
        for (AutoCloseable c : new AutoCloseable[] {a, b, server}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void registeredAndToppedUpOfflineAtARedeemedAtBAndTheSamePointsSpentTwiceOfflineIsAnOverdraft() throws Exception {
        server = RealServer.startWithDemoData(dir.resolve("server"), clock);
        address.set(server.uri());
        a = SyncedTill.enroll(dir.resolve("a.db"), clock, address::get, server.enrollmentCode("S001", "S001-T1"), cutOff(aOffline));
        b = SyncedTill.enroll(dir.resolve("b.db"), clock, address::get, server.enrollmentCode("S002", "S002-T1"), cutOff(bOffline));
        a.sync();
        b.sync();

        // Store A loses the network: a member registers, tops up 100.00 in cash (充100送20) and buys 20 colas.
        aOffline.set(true);
        Member member = a.register("13700000001", "周杰");
        a.till.shifts.open("cashier", 50_000);
        TopUp.ToppedUp topUp = (TopUp.ToppedUp) a.till.topUp.topUp(new TopUp.Request(member.memberId(), 10_000,
                List.of(cash(10_000)), "cashier"));
        assertThat(topUp.balance()).isEqualTo(new StoredValue(10_000, 2_000));
        Checkout.Completed bought = a.sell(member, COLA, 20_000, cash(6_000));
        assertThat(bought.pointsEarned()).isEqualTo(60);
        assertThatSyncFails(a);

        // Back online, both stores sync; at store B the member pays a water with 20 points and stored value.
        aOffline.set(false);
        a.sync();
        b.sync();
        Member atB = b.till.ledger.read(s -> b.till.members.findByPhone(s, "13700000001")).getFirst();
        assertThat(atB.memberId()).isEqualTo(member.memberId());
        assertThat(points(b, member)).isEqualTo(60);
        b.sell(atB, WATER, 1_000, new Tender(TenderMethod.POINTS, 20, null), new Tender(TenderMethod.STORED_VALUE, 180, null));
        b.sync();
        a.sync();

        JsonNode merged = server.headOffice().get("/api/v1/members/" + member.memberId()).json();
        assertThat(merged.get("tierCode").asText()).isEqualTo("NORMAL");
        // 60 - 20 redeemed + 1 earned on the 1.80 of paid stored value
        assertThat(merged.get("pointsBalance").asLong()).isEqualTo(41);
        assertThat(merged.get("storedValueBalance").asLong()).isEqualTo(11_820);
        assertThat(merged.get("storedValuePaid").asLong()).isEqualTo(9_820);
        assertThat(merged.get("storedValueBonus").asLong()).isEqualTo(2_000);
        assertThat(points(a, member)).isEqualTo(41);
        StoredValue atA = a.till.ledger.read(s -> a.till.balances.storedValueParts(s, member.memberId()));
        assertThat(atA).isEqualTo(new StoredValue(9_820, 2_000));

        // Both stores are cut off; each lets the member pay a water with all 40 points (within the offline hour).
        aOffline.set(true);
        bOffline.set(true);
        clock.advance(Duration.ofMinutes(10));
        a.sell(member, WATER, 1_000, new Tender(TenderMethod.POINTS, 40, null), cash(160));
        b.sell(atB, WATER, 1_000, new Tender(TenderMethod.POINTS, 40, null), cash(160));
        assertThatSyncFails(a);
        assertThatSyncFails(b);
        // Past the hour since its last sync the offline limit holds at store B: 5,000 a member, 40 already redeemed here.
        clock.advance(Duration.ofMinutes(61));
        java.util.Optional<TillMessage> capped = b.till.ledger.read(s -> b.till.loyaltyAtCheckout.redeemRefusal(s, atB.memberId(),
                4_961, clock.instant()));
        assertThat(capped).hasValue(TillMessage.of(TillMessage.Code.OFFLINE_POINTS_CAP, 71L, 60, 5_000L, 4_960L));
        java.util.Optional<TillMessage> withinCap = b.till.ledger.read(s -> b.till.loyaltyAtCheckout.redeemRefusal(s, atB.memberId(),
                4_960, clock.instant()));
        assertThat(withinCap).isEmpty();

        aOffline.set(false);
        bOffline.set(false);
        a.sync();
        b.sync();
        a.sync();

        JsonNode after = server.headOffice().get("/api/v1/members/" + member.memberId()).json();
        assertThat(after.get("pointsBalance").asLong()).as("41 - 40 + 1 - 40 + 1").isEqualTo(-37);
        assertThat(points(a, member)).isEqualTo(-37);
        assertThat(points(b, member)).isEqualTo(-37);
        List<String> overdrafts = server.headOffice().get("/api/v1/exceptions").json().get("exceptions").valueStream()
                .filter(e -> e.get("kind").asText().endsWith("_OVERDRAFT"))
                .map(e -> e.get("kind").asText() + " " + e.get("memberId").asText() + " " + e.get("balance").asLong()
                        + " " + e.get("storeId").asText())
                .toList();
        assertThat(overdrafts).containsExactly("POINTS_OVERDRAFT " + member.memberId() + " -38 S002");
    }

    private static Interceptor cutOff(AtomicBoolean offline) {
        return chain -> {
            if (offline.get()) {
                throw new IOException("the network is down");
            }
            return chain.proceed(chain.request());
        };
    }

    private static void assertThatSyncFails(SyncedTill till) {
        org.assertj.core.api.Assertions.assertThatThrownBy(till::sync).isInstanceOf(IOException.class);
    }

    private static long points(SyncedTill till, Member member) {
        return till.till.ledger.read(s -> till.till.balances.points(s, member.memberId()));
    }

    private static Tender cash(long amount) {
        return new Tender(TenderMethod.CASH, amount, null);
    }
}
