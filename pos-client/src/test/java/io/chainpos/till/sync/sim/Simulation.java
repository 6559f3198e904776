package io.chainpos.till.sync.sim;

import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.testing.EmbeddedDatabase;
import io.chainpos.till.sync.SyncAgent;
import io.chainpos.till.sync.SyncRefusedException;
import io.chainpos.till.testing.RealServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A deterministic simulation of a chain's sync: real till ledgers on temporary SQLite files, real server
 * nodes (their ingest, pull and snapshot logic behind real HTTP on loopback) over one database, and a
 * simulated network and simulated faults between them, all driven from one thread by one seeded random
 * source. Every decision goes into the trace, so the same seed gives the same run and the same trace.
 */
final class Simulation implements SimInvariants.World, AutoCloseable {

    /** What a run looks like. */
    record Config(long seed, int steps, int stores, int tillsPerStore, boolean postgres, boolean twoNodes, Duration retention) {
        static Config of(long seed, boolean postgres) {
            return new Config(seed, 140, 2, 2, postgres, true, Duration.ofDays(2));
        }
    }

    static final Instant START = Instant.parse("2026-11-23T03:00:00Z");

    final Config config;
    final Path dir;
    final ManualClock clock = new ManualClock(START);
    final List<RealServer> nodes = new ArrayList<>();
    final List<SimTill> tills = new ArrayList<>();
    final List<String> trace = new ArrayList<>();
    /** What went wrong during the run itself (a 5xx, a refusal): invariants add theirs after. */
    final List<String> problems = new ArrayList<>();
    final SimSteps steps;
    final String database;
    private final Random random;
    private final List<Request> delayed = new ArrayList<>();
    private final OkHttpClient plain = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    private boolean healing = true;

    Simulation(Config config, Path dir) {
        this.config = config;
        this.dir = dir;
        this.random = new Random(config.seed());
        this.database = config.postgres() ? EmbeddedDatabase.newDatabase() : dir.resolve("server.db").toString();
        this.steps = new SimSteps(this);
    }

    Random random() {
        return random;
    }

    void trace(String format, Object... args) {
        trace.add(trace.size() + " " + format.formatted(args));
    }

    /** Starts the nodes, enrolls the tills and gives each the catalog, without faults; then runs and heals. */
    void run() throws IOException {
        nodes.add(RealServer.startOn(database, clock, config.retention(), true, config.seed()));
        if (config.twoNodes()) {
            nodes.add(RealServer.startOn(database, clock, config.retention(), false, ~config.seed()));
        }
        for (int s = 1; s <= config.stores(); s++) {
            for (int t = 1; t <= config.tillsPerStore(); t++) {
                String store = "S00" + s;
                String tillId = store + "-T" + t;
                SimNetwork network = new SimNetwork(this);
                SimTill till = new SimTill(store, tillId, dir.resolve(tillId + ".db"), clock.instant(), network);
                network.belongsTo(till);
                till.enroll(nodes.getFirst()::uri, nodes.getFirst().enrollmentCode(store, tillId));
                tills.add(till);
                sync(till);
            }
        }
        healing = false;
        for (int step = 0; step < config.steps(); step++) {
            steps.next(step);
            tills.forEach(t -> t.partitionedFor = Math.max(0, t.partitionedFor - 1));
        }
        heal();
    }

    /**
     * The network mends and every till stays on until nothing moves: late requests still in flight arrive,
     * every till pushes what it has and pulls what the others pushed.
     */
    void heal() throws IOException {
        healing = true;
        tills.forEach(t -> t.partitionedFor = 0);
        deliverDelayed(delayed.size());
        for (int pass = 0; pass < 20; pass++) {
            int moved = 0;
            for (SimTill till : tills) {
                SyncAgent.Round round = sync(till);
                moved += round == null ? 1 : round.pushed() + round.pulled() + (int) till.synced.till.ledger.syncMarks().pendingCount();
            }
            trace("heal pass %d moved %d", pass, moved);
            if (moved == 0) {
                return;
            }
        }
        problems.add("the tills did not settle after 20 rounds each without faults");
    }

    /**
     * Brings each node's projections up to the log and waits until the merges they noted are published (the same phone
     * registered at two stores: head office's merge follows the projector, not the push, on the server's own thread),
     * so a seed replays the same log: called after every push that may have reached a node.
     */
    void settleServer() {
        for (RealServer node : nodes) {
            io.chainpos.server.Ports ports = node.ports();
            ports.projector().catchUp();
            long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            while (!ports.phoneDuplicates().noted(1).isEmpty()) {
                if (System.nanoTime() > until) {
                    problems.add("a shared phone's merge was not published within 30 s");
                    return;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One round of a till's agent; what the network did to it is in the trace. */
    SyncAgent.Round sync(SimTill till) {
        try {
            SyncAgent.Round round = till.synced.sync();
            trace("%s synced: waiting %d, cursor %d", till, till.synced.till.ledger.syncMarks().pendingCount(),
                    till.synced.till.ledger.syncMarks().pullCursor());
            return round;
        } catch (SimNetwork.TillDied died) {
            trace("%s died before recording the answer; restarts", till);
            till.kill(nodes.getFirst()::uri);
        } catch (IOException e) {
            trace("%s offline: %s", till, e.getClass().getSimpleName());
        } catch (SyncRefusedException e) {
            problems.add(till + " was refused: " + e.getMessage());
            trace("%s refused %d", till, e.status());
        }
        return null;
    }

    SimNetwork.Fault faultFor(SimTill till, String kind) {
        if (healing) {
            return SimNetwork.Fault.DELIVER;
        }
        if (till.isCutOff()) {
            return SimNetwork.Fault.DROP_REQUEST;
        }
        int r = random.nextInt(100);
        return switch (kind) {
            case "push" -> r < 60 ? SimNetwork.Fault.DELIVER : r < 65 ? SimNetwork.Fault.DROP_REQUEST
                    : r < 71 ? SimNetwork.Fault.DROP_REPLY : r < 76 ? SimNetwork.Fault.DUPLICATE
                    : r < 81 ? SimNetwork.Fault.DELAY : r < 85 ? SimNetwork.Fault.CUT_REQUEST
                    : r < 88 ? SimNetwork.Fault.CUT_REPLY : r < 94 && nodes.size() > 1 ? SimNetwork.Fault.BOTH_NODES
                    : r < 94 ? SimNetwork.Fault.DELIVER : SimNetwork.Fault.TILL_DIES_BEFORE_ACK;
            case "snapshot" -> r < 70 ? SimNetwork.Fault.DELIVER : r < 85 ? SimNetwork.Fault.CUT_REPLY
                    : r < 95 ? SimNetwork.Fault.DROP_REPLY : SimNetwork.Fault.DROP_REQUEST;
            default -> r < 75 ? SimNetwork.Fault.DELIVER : r < 80 ? SimNetwork.Fault.DROP_REQUEST
                    : r < 85 ? SimNetwork.Fault.DROP_REPLY : r < 90 ? SimNetwork.Fault.DUPLICATE
                    : r < 95 ? SimNetwork.Fault.DELAY : SimNetwork.Fault.CUT_REPLY;
        };
    }

    int nodeFor(SimTill till) {
        return healing || nodes.size() == 1 ? 0 : random.nextInt(nodes.size());
    }

    Request route(Request request, int node) {
        return request.newBuilder().url(request.url().newBuilder().port(nodes.get(node).uri().getPort()).build()).build();
    }

    int nodeIndexOf(Request request) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).uri().getPort() == request.url().port()) {
                return i;
            }
        }
        return 0;
    }

    OkHttpClient plainClient() {
        return plain;
    }

    void delay(Request request) {
        delayed.add(request);
    }

    /** Up to {@code count} requests stuck on the way arrive now, in an order of their own. */
    void deliverDelayed(int count) {
        for (int i = 0; i < count && !delayed.isEmpty(); i++) {
            Request request = route(delayed.remove(random.nextInt(delayed.size())), random.nextInt(nodes.size()));
            try (Response response = plain.newCall(request).execute()) {
                trace("late %s arrived: %dxx", SimNetwork.kind(request), response.code() / 100);
                if (response.code() >= 500) {
                    problems.add("a late " + SimNetwork.kind(request) + " got " + response.code() + ": " + response.body().string());
                }
            } catch (IOException e) {
                trace("late %s lost", SimNetwork.kind(request));
            }
            settleServer();
        }
    }

    int delayedCount() {
        return delayed.size();
    }

    RealServer node() {
        return nodes.getFirst();
    }

    @Override
    public List<SimTill> tills() {
        return tills;
    }

    @Override
    public String database() {
        return database;
    }

    @Override
    public io.chainpos.server.Ports store() {
        return node().ports();
    }

    @Override
    public List<String> problems() {
        return problems;
    }

    @Override
    public void close() {
        tills.forEach(SimTill::close);
        nodes.forEach(RealServer::close);
        plain.dispatcher().executorService().shutdown();
        plain.connectionPool().evictAll();
    }
}
