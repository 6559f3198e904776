package io.chainpos.till.sync;

import static io.chainpos.till.testing.SyncedTill.cash;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.member.Member;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.SyncedTill;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A till whose pull cursor is older than the server's retention rebuilds from a snapshot, then pulls on as
 * usual; a till reinstalled after months gets its own former sales back the same way. Each ends holding
 * exactly the server's view.
 */
class SnapshotEndToEndTest {
    static final Duration RETENTION = Duration.ofDays(30);
    static final String COLA = "100001";
    static final String WATER = "100002";

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T03:00:00Z"));
    @TempDir
    Path dir;
    RealServer server;
    SyncedTill storeA;
    SyncedTill storeB;
    SyncedTill reinstalled;

    @AfterEach
    void closeAll() {
        for (AutoCloseable c : new AutoCloseable[] {storeA, storeB, reinstalled, server}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    SyncedTill enroll(String file, String store, String till) {
        return SyncedTill.enroll(dir.resolve(file), clock, server::uri, server.enrollmentCode(store, till));
    }

    long serverPoints(Member member) {
        return server.ports().members().member(member.memberId()).orElseThrow().pointsBalance();
    }

    long serverStock(String store, String sku) {
        return server.ports().stock().stock(StoreId.of(store), Sku.of(sku)).qtyMilli();
    }

    @Test
    void aTillBehindTheRetentionRebuildsFromASnapshotAndCarriesOn() throws Exception {
        server = RealServer.startOn(dir.resolve("server.db").toString(), clock, RETENTION, true);
        storeA = enroll("a.db", "S001", "S001-T1");
        storeB = enroll("b.db", "S002", "S002-T1");
        storeA.sync();
        storeB.sync();
        Member member = storeA.register("13700000001", "周杰");
        storeA.sell(member, COLA, 4000, cash(2000));
        storeB.sell(null, WATER, 2000, cash(1000));
        storeA.sync();
        storeB.sync();
        assertThat(storeB.points(member.memberId())).isEqualTo(serverPoints(member));

        // Store B's till is switched off for forty days while store A goes on selling.
        clock.advance(Duration.ofDays(1));
        storeA.sell(member, COLA, 2000, cash(1000));
        storeA.sync();
        clock.advance(RETENTION.plusDays(9));
        storeA.sell(member, WATER, 1000, cash(500));
        storeA.sync();
        storeB.requested.clear();
        SyncAgent.Round round = storeB.sync();

        assertThat(storeB.requested).contains("/api/v1/sync/snapshot");
        assertThat(round.pulled()).isPositive();
        assertThat(storeB.points(member.memberId())).isEqualTo(serverPoints(member)).isPositive();
        assertThat(storeB.stock(WATER)).isEqualTo(serverStock("S002", WATER)).isEqualTo(-2000);
        assertThat(storeB.stock(COLA)).as("store A's stock is not store B's").isZero();
        java.util.List<Member> found = storeB.till.ledger.read(s -> storeB.till.members.findByPhone(s, "13700000001"));
        assertThat(found).extracting(Member::memberId).containsExactly(member.memberId());
        long absorbed = storeB.till.ledger.read(s -> s.handle().createQuery("SELECT COUNT(*) FROM remote_absorbed").mapTo(Long.class).one());
        assertThat(absorbed)
                .as("a snapshot's registrations are projected, not remembered one by one: pulls go on past them").isZero();
        java.util.Optional<io.chainpos.till.catalog.Product> cola = storeB.till.ledger.read(s -> storeB.till.catalog.findByCode(s, COLA, storeB.till.clock.instant()));
        assertThat(cola).as("the catalog came back").isPresent();
        assertThat(storeB.till.ledger.syncMarks().pullCursor()).isEqualTo(server.ports().log()
                .pull(new io.chainpos.server.log.PullQuery(0, 1, io.chainpos.model.id.TillId.of("X-1"), 1, StoreId.of("X"))).newest());

        // Afterwards it pulls event by event again, and a rebuild from its own log gives the same balances.
        storeA.sell(member, COLA, 1000, cash(300));
        storeA.sync();
        storeB.requested.clear();
        storeB.sync();
        assertThat(storeB.requested).doesNotContain("/api/v1/sync/snapshot");
        assertThat(storeB.points(member.memberId())).isEqualTo(serverPoints(member));
        storeB.till.ledger.rebuildProjections();
        assertThat(storeB.points(member.memberId())).isEqualTo(serverPoints(member));
        assertThat(storeB.stock(WATER)).isEqualTo(-2000);
    }

    @Test
    void aTillReinstalledMonthsLaterGetsItsFormerSalesBack() throws Exception {
        server = RealServer.startOn(dir.resolve("server.db").toString(), clock, RETENTION, true);
        storeA = enroll("a.db", "S001", "S001-T1");
        storeA.sync();
        Member member = storeA.register("13700000002", "林");
        storeA.sell(member, COLA, 3000, cash(1000));
        storeA.sync();
        storeA.close();
        long formerPoints = serverPoints(member);
        storeA = null;

        clock.advance(Duration.ofDays(90)); // the shop PC's disk died; a new one is set up
        reinstalled = enroll("a-new.db", "S001", "S001-T1");
        assertThat(reinstalled.identity().epoch()).isEqualTo(2);
        reinstalled.sync();

        assertThat(reinstalled.requested).contains("/api/v1/sync/snapshot");
        assertThat(reinstalled.points(member.memberId())).isEqualTo(formerPoints).isPositive();
        assertThat(reinstalled.stock(COLA)).isEqualTo(serverStock("S001", COLA)).as("the demo's opening 200 at S001, less the 3 sold").isEqualTo(200_000 - 3000);
        reinstalled.sell(member, COLA, 1000, cash(300));
        reinstalled.sync();
        assertThat(reinstalled.points(member.memberId())).isEqualTo(serverPoints(member));
        JsonNode merged = server.headOffice().get("/api/v1/members/" + member.memberId()).json();
        assertThat(merged.get("pointsBalance").asLong()).isEqualTo(reinstalled.points(member.memberId()));
    }
}
