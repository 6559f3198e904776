package io.chainpos.till.sync.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.demo.DemoData;
import io.chainpos.server.headoffice.HeadOffice;
import io.chainpos.server.Ports;
import io.chainpos.server.testing.EmbeddedDatabase;
import io.chainpos.till.member.Member;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.sync.SyncRefusedException;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.TestTill;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server nodes (two {@code ServerMain.start} on their own ports) over one PostgreSQL, as behind a load
 * balancer: four tills sell and sync at full speed from their own threads, every request to either node,
 * while head office publishes from both. Nodes hold no state of their own, so the tills end holding the
 * server's view and every invariant of the simulation holds.
 */
class TwoNodesConcurrentTest {

    @Test
    void tillsServedByEitherNodeAtOnceAgreeWithTheServer(@TempDir Path dir) throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-23T03:00:00Z"));
        String database = EmbeddedDatabase.newDatabase();
        List<RealServer> nodes = List.of(RealServer.startOn(database, clock, Duration.ofDays(30), true, 1),
                RealServer.startOn(database, clock, Duration.ofDays(30), false, 2));
        Random routing = new Random(9);
        Interceptor eitherNode = chain -> {
            RealServer node;
            synchronized (routing) {
                node = nodes.get(routing.nextInt(nodes.size()));
            }
            Request request = chain.request();
            return chain.proceed(request.newBuilder().url(request.url().newBuilder().port(node.uri().getPort()).build()).build());
        };
        List<SimTill> tills = new ArrayList<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            for (int t = 0; t < 4; t++) {
                String store = "S00" + (1 + t % 2);
                String id = store + "-T" + (1 + t);
                SimTill till = new SimTill(store, id, dir.resolve(id + ".db"), clock.instant(), eitherNode);
                till.enroll(nodes.getFirst()::uri, nodes.get(t % 2).enrollmentCode(store, id));
                till.synced.sync();
                tills.add(till);
            }
            List<Future<?>> work = new ArrayList<>();
            for (SimTill till : tills) {
                Random random = new Random(till.tillId.hashCode());
                work.add(threads.submit(() -> {
                    Member member = till.synced.register("139%08d".formatted(Math.abs(till.tillId.hashCode()) % 100_000_000), "会员");
                    for (int sale = 0; sale < 40; sale++) {
                        String sku = SimSteps.SKUS.get(random.nextInt(SimSteps.SKUS.size()));
                        long total = till.synced.total(List.of(new TestTill.Line(sku, 1000)), member.memberId())
                                .orElseThrow();
                        till.synced.sell(member, sku, 1000, io.chainpos.till.testing.SyncedTill.cash(total));
                        try {
                            till.synced.sync();
                        } catch (IOException e) {
                            problems.add(till + " could not reach a node: " + e.getMessage());
                        } catch (SyncRefusedException e) {
                            problems.add(till + " refused: " + e.getMessage());
                        }
                    }
                    return null;
                }));
            }
            for (RealServer node : nodes) {
                HeadOffice headOffice = new HeadOffice(node.ports().log(), io.chainpos.model.json.EventCodec.standard(), clock);
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        headOffice.publish(List.of(new PointsChanged(DemoData.ZHANG_WEI, 1, PointsChanged.Reason.ADJUST, null,
                                List.of("goodwill"))));
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(120, TimeUnit.SECONDS);
            }
            for (int pass = 0; pass < 3; pass++) {
                for (SimTill till : tills) {
                    till.synced.sync();
                }
            }

            Ports store = nodes.get(1).ports();
            List<String> violations = SimInvariants.check(new SimInvariants.World() {
                @Override
                public List<SimTill> tills() {
                    return tills;
                }

                @Override
                public String database() {
                    return database;
                }

                @Override
                public Ports store() {
                    return store;
                }

                @Override
                public List<String> problems() {
                    return problems;
                }
            });
            assertThat(violations).isEmpty();
            assertThat(store.members().member(DemoData.ZHANG_WEI).orElseThrow().pointsBalance()).as("500 opening + 40 from both nodes")
                    .isEqualTo(540);
            assertThat(store.exceptions().exceptions(100)).noneMatch(e -> e.kind() == io.chainpos.model.sync.SyncException.Kind.QUARANTINED_EVENT);
        } finally {
            threads.shutdownNow();
            tills.forEach(SimTill::close);
            nodes.forEach(RealServer::close);
        }
    }
}
