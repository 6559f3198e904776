package io.chainpos.till.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.log.TillMark;
import io.chainpos.till.ledger.TillIdentity;
import io.chainpos.till.member.Member;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.stock.StockStore;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.TestTill;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2's acceptance: two stores' real till ledgers and one real server on loopback. A member registers
 * and buys at store A; store B pulls, finds the member by phone and redeems the points; duplicate pushes,
 * a lost acknowledgement and a server restart change nothing; the server and both tills agree.
 */
class TwoStoresEndToEndTest {
    private static final String COLA = "100001";
    private static final String WATER = "100002";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T03:00:00Z"));
    private final AtomicReference<URI> serverAddress = new AtomicReference<>();
    @TempDir
    Path dir;
    private RealServer server;
    private Store storeA;
    private Store storeB;

    /** One store's till: its ledger, its sync agent, and a switch that loses the next push reply. */
    private final class Store implements AutoCloseable {
        final TestTill till;
        final SyncAgent agent;
        final AtomicBoolean loseNextPushReply = new AtomicBoolean();

        Store(String store, String tillId) {
            till = new TestTill(dir.resolve(tillId + ".db"), clock);
            OkHttpClient http = OkHttpSyncApi.defaultClient().newBuilder().addInterceptor(this::maybeLoseReply).build();
            EnrollTill.Result enrolled = new EnrollTill(till.ledger, url -> new OkHttpSyncApi(http, till.codec, () -> url, () -> null))
                    .enroll(serverAddress.get().toString(), server.enrollmentCode(store, tillId));
            assertThat(enrolled).isInstanceOf(EnrollTill.Enrolled.class);
            String token = till.ledger.registration().serverLink().orElseThrow().token();
            agent = new SyncAgent(till.ledger, new OkHttpSyncApi(http, till.codec, serverAddress::get, () -> token),
                    clock, new Random(1), SyncAgent.Settings.defaults());
            assertThat(till.shifts.open("cashier", 50_000)).isInstanceOf(io.chainpos.till.shift.Shifts.Opened.class);
        }

        /** The lost acknowledgement: the server commits and answers, the answer never reaches the till. */
        private Response maybeLoseReply(Interceptor.Chain chain) throws IOException {
            Response response = chain.proceed(chain.request());
            if (chain.request().url().encodedPath().endsWith("/sync/push") && loseNextPushReply.compareAndSet(true, false)) {
                response.close();
                throw new IOException("the reply was lost on the way back");
            }
            return response;
        }

        SyncAgent.Round sync() throws IOException {
            return agent.syncOnce();
        }

        Checkout.Completed sell(Member member, List<TestTill.Line> lines, Tender... tenders) {
            Checkout.Result result = till.sell(new TestTill.Sale(lines, member == null ? null : member.memberId(),
                    List.of(tenders), "cashier"));
            assertThat(result).isInstanceOf(Checkout.Completed.class);
            return (Checkout.Completed) result;
        }

        long points(Member member) {
            return till.ledger.read(s -> till.balances.points(s, member.memberId()));
        }

        long stock(String sku) {
            return till.ledger.read(s -> new StockStore().quantityMilli(s, new Sku(sku)));
        }

        TillIdentity identity() {
            return till.ledger.identity().orElseThrow();
        }

        long localEvents() {
            return till.ledger.read(s -> s.handle().createQuery("SELECT COUNT(*) FROM ledger_events").mapTo(Long.class).one());
        }

        @Override
        public void close() {
            agent.close();
            till.close();
        }
    }

    @AfterEach
    void closeAll() {
        for (AutoCloseable c : new AutoCloseable[] {storeA, storeB, server}) {
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
    void aMemberOfStoreARedeemsAtStoreBAndTheServerAndBothTillsAgree() throws Exception {
        server = RealServer.startWithDemoData(dir.resolve("server"), clock);
        serverAddress.set(server.uri());
        storeA = new Store("S001", "S001-T1");
        storeB = new Store("S002", "S002-T1");
        assertThat(storeA.sync().pulled()).as("A receives head office's catalog and members").isPositive();
        storeB.sync();

        // Store A: a new member registers and buys 4 colas at member price (4 x 3.00): 12 points.
        Member member = ((RegisterMember.Registered) storeA.till.registerMember.register(
                new RegisterMember.Request("13700000001", "周杰", null, null, true))).member();
        Checkout.Completed firstSale = storeA.sell(member, List.of(line(COLA, 4000)),
                new Tender(TenderMethod.COUPON, 200, "GIFT-0001"), cash(1000));
        assertThat(firstSale.pointsEarned()).isEqualTo(10);
        storeA.sync();

        // Store B pulls, finds the member by phone and pays part of a water with all 12 points.
        storeB.sync();
        List<Member> found = storeB.till.ledger.read(s -> storeB.till.members.findByPhone(s, "13700000001"));
        assertThat(found).extracting(Member::memberId).containsExactly(member.memberId());
        assertThat(storeB.points(member)).isEqualTo(10);
        long couponKnownAtB = storeB.till.ledger.read(s -> s.handle()
                .createQuery("SELECT COUNT(*) FROM coupon_redemptions WHERE code = 'GIFT-0001'").mapTo(Long.class).one());
        assertThat(couponKnownAtB).as("store B knows the coupon was used at store A").isEqualTo(1);
        Checkout.Completed redeemed = storeB.sell(member, List.of(line(WATER, 1000)),
                new Tender(TenderMethod.POINTS, 10, null), cash(190));
        assertThat(redeemed.pointsEarned()).isEqualTo(1);

        // A lost acknowledgement: the server stored B's events, B does not know it and pushes them again.
        storeB.loseNextPushReply.set(true);
        assertThatThrownBy(storeB::sync).isInstanceOf(IOException.class);
        assertThat(serverMark(storeB).ackedThrough()).isEqualTo(storeB.localEvents());
        assertThat(storeB.till.ledger.syncMarks().pendingCount()).isPositive();
        assertThat(storeB.sync().pushed()).as("nothing new is stored twice").isZero();
        assertThat(storeB.till.ledger.syncMarks().pendingCount()).isZero();

        // Duplicate pushes: A forgets every acknowledgement and sends its whole log again.
        storeA.till.ledger.syncMarks().serverHolds(storeA.identity().epoch(), 0);
        assertThat(storeA.sync().pushed()).isZero();
        assertThat(storeA.till.ledger.syncMarks().pendingCount()).isZero();

        // The server goes down; A keeps selling; the server restarts on its file and A catches up.
        server.stop();
        Checkout.Completed offlineSale = storeA.sell(member, List.of(line(COLA, 2000)), cash(600));
        assertThatThrownBy(storeA::sync).isInstanceOf(IOException.class);
        server.restart();
        serverAddress.set(server.uri());
        storeA.sync();
        storeB.sync();
        storeA.sync();

        long expectedPoints = 10 - 10 + 1 + offlineSale.pointsEarned();
        assertThat(storeA.points(member)).isEqualTo(expectedPoints);
        assertThat(storeB.points(member)).isEqualTo(expectedPoints);
        JsonNode merged = server.headOffice().memberByPhone("13700000001").json();
        assertThat(merged.get("memberId").asText()).isEqualTo(member.memberId().toString());
        assertThat(merged.get("pointsBalance").asLong()).isEqualTo(expectedPoints);

        // Every event of each till is on the server exactly once; stock is per store.
        assertThat(serverMark(storeA).ackedThrough()).isEqualTo(storeA.localEvents());
        assertThat(serverMark(storeB).ackedThrough()).isEqualTo(storeB.localEvents());
        assertThat(storeA.till.ledger.syncMarks().pendingCount()).isZero();
        assertThat(storeB.till.ledger.syncMarks().pendingCount()).isZero();
        assertThat(server.ports().stock().stock(new StoreId("S001"), new Sku(COLA)).qtyMilli())
                .as("the demo's opening 200 at S001, less the 6 sold").isEqualTo(storeA.stock(COLA)).isEqualTo(200_000 - 6000);
        assertThat(server.ports().stock().stock(new StoreId("S002"), new Sku(WATER)).qtyMilli())
                .isEqualTo(storeB.stock(WATER)).isEqualTo(-1000);
        assertThat(storeB.stock(COLA)).as("store B does not count store A's stock").isZero();
        // S001 has the demo's opening stock, so only S002 (none booked in) went below zero, flagged once (a
        // later sale below zero is not flagged again): no overdraft, no quarantined event, and the repeated
        // pushes raised nothing again.
        List<String> exceptions = server.headOffice().get("/api/v1/exceptions").json().get("exceptions")
                .valueStream().map(e -> e.get("kind").asText() + " " + e.get("storeId").asText() + " " + e.get("qtyMilli").asLong())
                .toList();
        assertThat(exceptions).containsExactly("NEGATIVE_STOCK S002 -1000");
    }

    private TillMark serverMark(Store store) {
        return server.ports().log().mark(store.identity().tillId(), store.identity().epoch());
    }

    private static TestTill.Line line(String code, long qtyMilli) {
        return new TestTill.Line(code, qtyMilli);
    }

    private static Tender cash(long amount) {
        return new Tender(TenderMethod.CASH, amount, null);
    }
}
