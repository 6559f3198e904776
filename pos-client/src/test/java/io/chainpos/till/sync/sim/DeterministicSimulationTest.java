package io.chainpos.till.sync.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chain's sync under seeded faults: real tills, real server nodes on one database, a simulated network.
 * A fixed set of seeds runs on every build (most on SQLite, some on PostgreSQL); a failing seed is printed
 * and replays exactly with {@code -Dsim.seed=<seed>} (add {@code -Dsim.postgres=true} for a PostgreSQL one),
 * and {@code -Dsim.seeds=<n>} runs n seeds instead of the fixed set.
 */
class DeterministicSimulationTest {
    static final int SQLITE_SEEDS = 12;
    static final int POSTGRES_SEEDS = 4;

    static Stream<Object[]> seeds() {
        String one = System.getProperty("sim.seed");
        if (one != null) {
            return Stream.<Object[]>of(new Object[] {Long.parseLong(one), Boolean.getBoolean("sim.postgres")});
        }
        int count = Integer.getInteger("sim.seeds", SQLITE_SEEDS + POSTGRES_SEEDS);
        int postgres = Math.max(1, count * POSTGRES_SEEDS / (SQLITE_SEEDS + POSTGRES_SEEDS));
        return LongStream.range(0, count).mapToObj(seed -> new Object[] {1_000 + seed, seed >= count - postgres});
    }

    @ParameterizedTest(name = "seed {0}, postgres {1}")
    @MethodSource("seeds")
    void everyInvariantHoldsAfterTheFaultsOfThisSeed(long seed, boolean postgres, @TempDir Path dir) throws Exception {
        List<String> violations;
        try (Simulation sim = new Simulation(Simulation.Config.of(seed, postgres), dir)) {
            sim.run();
            violations = SimInvariants.check(sim);
            if (Boolean.getBoolean("sim.trace")) {
                java.nio.file.Files.write(Path.of("target", "sim-" + seed + ".trace"), sim.trace);
            }
            assertThat(violations).as(replay(seed, postgres, sim)).isEmpty();
            assertThat(sim.trace).as("the run did something").hasSizeGreaterThan(sim.config.steps());
        }
    }

    private static String replay(long seed, boolean postgres, Simulation sim) {
        return "seed " + seed + " broke an invariant; replay it with -Dsim.seed=" + seed + (postgres ? " -Dsim.postgres=true" : "")
                + "\nlast steps:\n  " + String.join("\n  ", sim.trace.subList(Math.max(0, sim.trace.size() - 40), sim.trace.size()));
    }

    /** The replay promise: the same seed makes the same decisions and sees the same outcomes, step for step. */
    @Test
    void aSeedReplaysExactly(@TempDir Path first, @TempDir Path second) throws Exception {
        List<String> once;
        try (Simulation sim = new Simulation(Simulation.Config.of(7, false), first)) {
            sim.run();
            once = List.copyOf(sim.trace);
        }
        try (Simulation sim = new Simulation(Simulation.Config.of(7, false), second)) {
            sim.run();
            assertThat(sim.trace).containsExactlyElementsOf(once);
        }
    }
}
