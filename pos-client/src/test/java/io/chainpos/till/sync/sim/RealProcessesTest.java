package io.chainpos.till.sync.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.server.auth.Enrollment;
import io.chainpos.server.auth.Secrets;
import io.chainpos.server.Ports;
import io.chainpos.server.db.Storage;
import io.chainpos.server.testing.EmbeddedDatabase;
import io.chainpos.till.sync.SyncRefusedException;
import io.chainpos.till.testing.TestTill;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.Request;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The smaller run against real processes on loopback: server processes on one database (two on PostgreSQL,
 * one on SQLite) killed with {@code kill -9} while real tills push to them at full speed from their own
 * threads, restarted, killed again. After the tills catch up every invariant of the simulation holds.
 */
class RealProcessesTest {
    static final int TILLS = 3;
    static final int KILLS = 2;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void serverProcessesKilledMidIngestLoseNothingAndCountNothingTwice(String kind, @TempDir Path dir) throws Exception {
        boolean postgres = kind.equals("postgresql");
        String database = postgres ? EmbeddedDatabase.newDatabase() : dir.resolve("server.db").toString();
        List<String> codes = codes(database);
        List<ServerProcess> live = new CopyOnWriteArrayList<>();
        live.add(ServerProcess.start(database, true, dir.resolve("server-0.log")));
        if (postgres) {
            live.add(ServerProcess.start(database, false, dir.resolve("server-1.log")));
        }
        Random routing = new Random(5);
        Interceptor anyLiveNode = chain -> {
            ServerProcess node;
            synchronized (routing) {
                node = live.get(routing.nextInt(live.size()));
            }
            Request request = chain.request();
            return chain.proceed(request.newBuilder().url(request.url().newBuilder().port(node.port()).build()).build());
        };
        List<SimTill> tills = new ArrayList<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(TILLS);
        try {
            for (int t = 0; t < TILLS; t++) {
                String store = "S00" + (1 + t % 2);
                SimTill till = new SimTill(store, store + "-T" + (1 + t), dir.resolve("till-" + t + ".db"), Instant.now(), anyLiveNode);
                till.enroll(() -> live.getFirst().uri(), codes.get(t));
                tills.add(till);
            }
            AtomicBoolean selling = new AtomicBoolean(true);
            AtomicInteger rounds = new AtomicInteger();
            AtomicInteger inFlight = new AtomicInteger();
            List<Integer> inFlightAtKills = new CopyOnWriteArrayList<>();
            List<Future<?>> counters = new ArrayList<>();
            for (int t = 0; t < TILLS; t++) {
                SimTill till = tills.get(t);
                Random random = new Random(t);
                counters.add(threads.submit(() -> {
                    while (selling.get()) {
                        sell(till, random);
                        inFlight.incrementAndGet();
                        try {
                            till.synced.sync();
                            rounds.incrementAndGet();
                        } catch (IOException serverDied) {
                            // the node went away mid-push: the next round finds out what it kept
                        } catch (SyncRefusedException e) {
                            problems.add(till + " refused: " + e.getMessage());
                        } finally {
                            inFlight.decrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            Random killer = new Random(11);
            for (int kill = 0; kill < KILLS; kill++) {
                int before = rounds.get();
                await().atMost(Duration.ofSeconds(60)).until(() -> rounds.get() >= before + 8);
                int victim = killer.nextInt(live.size());
                inFlightAtKills.add(inFlight.get());
                live.get(victim).kill();
                ServerProcess restarted = ServerProcess.start(database, false, dir.resolve("server-restart-" + kill + ".log"));
                live.set(victim, restarted);
            }
            selling.set(false);
            for (Future<?> counter : counters) {
                counter.get(60, TimeUnit.SECONDS);
            }
            assertThat(inFlightAtKills).as("tills were mid-sync when a server was killed").anySatisfy(n -> assertThat(n).isPositive());
            for (int pass = 0; pass < 3; pass++) {
                for (SimTill till : tills) {
                    till.synced.sync();
                }
            }
        } finally {
            threads.shutdownNow();
            live.forEach(ServerProcess::kill);
        }
        try (Storage storage = Storage.open(database)) {
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
                    return Ports.on(storage, EventCodec.standard(), Clock.systemUTC());
                }

                @Override
                public List<String> problems() {
                    return problems;
                }
            });
            assertThat(violations).isEmpty();
            assertThat(tills).allSatisfy(t -> assertThat(t.synced.till.ledger.syncMarks().pendingCount()).isZero());
        } finally {
            tills.forEach(SimTill::close);
        }
    }

    private static void sell(SimTill till, Random random) {
        String sku = SimSteps.SKUS.get(random.nextInt(SimSteps.SKUS.size()));
        var lines = List.of(new TestTill.Line(sku, 1000));
        till.synced.total(lines, null).ifPresent(total -> till.synced.complete(new TestTill.Sale(lines,
                null, List.of(new io.chainpos.model.event.Tender(io.chainpos.model.event.TenderMethod.CASH, total, null)), "rt")));
    }

    private static List<String> codes(String database) {
        try (Storage storage = Storage.open(database)) {
            Enrollment enrollment = new Enrollment(Ports.on(storage, EventCodec.standard(), Clock.systemUTC()).accounts(), new Secrets(new Random(3)), Clock.systemUTC());
            List<String> codes = new ArrayList<>();
            for (int t = 0; t < TILLS; t++) {
                String store = "S00" + (1 + t % 2);
                codes.add(((Enrollment.Issued.Code) enrollment.issueCode(StoreId.of(store), TillId.of(store + "-T" + (1 + t)))).code());
            }
            return codes;
        }
    }
}
