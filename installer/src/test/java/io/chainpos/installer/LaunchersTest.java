package io.chainpos.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dist's launchers find a Java 25 themselves, and on a machine whose only Java is older say what is missing
 * instead of failing with UnsupportedClassVersionError.
 */
class LaunchersTest {
    static final Path DIST = Path.of(System.getProperty("chainpos.dist", "target/dist"));
    /** Debian's Java 17, the default java on the build machines; the test skips where there is none. */
    static final Path JAVA_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
    static final Path JDK_25 = Path.of(System.getProperty("java.home"));

    @TempDir
    Path dir;

    Map<String, String> onlyJava17() throws Exception {
        Path path = Processes.toolsOnly(dir.resolve("path"), JAVA_17);
        Files.createDirectories(dir.resolve("no-jvms"));
        return Map.of("PATH", path.toString(), "HOME", dir.toString(), "CHAINPOS_JVM_DIR", dir.resolve("no-jvms").toString());
    }

    @Test
    void withOnlyAJava17OnThePathEachLauncherSaysWhatIsMissingAndExitsWith3() throws Exception {
        assumeTrue(Files.isExecutable(JAVA_17), "no Java 17 here to stand for an old Java");
        Map<String, String> environment = onlyJava17();
        for (String launcher : List.of("till", "sync-server", "demo")) {
            Processes.Outcome outcome = Processes.run(List.of(DIST.resolve("bin").resolve(launcher).toString(), "--help"),
                    environment, dir);

            assertThat(outcome.exitCode()).as(launcher).isEqualTo(3);
            assertThat(outcome.err()).as(launcher)
                    .contains(launcher + ": cannot start: it needs Java 25 or newer, and none was found.")
                    .contains(dir.resolve("path").resolve("java") + " is Java 17")
                    .contains("Install a JDK 25")
                    .doesNotContain("UnsupportedClassVersionError");
            assertThat(outcome.out()).as(launcher).isEmpty();
        }
    }

    @Test
    void aJavaHomeOf25IsUsedEvenWhenThePathHoldsJava17() throws Exception {
        assumeTrue(Files.isExecutable(JAVA_17), "no Java 17 here to stand for an old Java");
        Map<String, String> environment = new java.util.HashMap<>(onlyJava17());
        environment.put("JAVA_HOME", JDK_25.toString());

        Processes.Outcome till = Processes.run(List.of(DIST.resolve("bin/till").toString(), "--help"), environment, dir);
        Processes.Outcome server = Processes.run(List.of(DIST.resolve("bin/sync-server").toString(), "--help"), environment, dir);

        assertThat(till.exitCode()).isZero();
        assertThat(till.out()).contains("Usage: till");
        assertThat(server.exitCode()).isZero();
        assertThat(server.out()).contains("Usage: sync-server");
    }

    @Test
    void aJdk25InTheJvmFolderIsFoundWithoutJavaHome() throws Exception {
        assumeTrue(Files.isExecutable(JAVA_17), "no Java 17 here to stand for an old Java");
        Path jvms = Files.createDirectories(dir.resolve("jvm"));
        Files.createSymbolicLink(jvms.resolve("temurin-25-jdk-amd64"), JDK_25);
        Map<String, String> environment = new java.util.HashMap<>(onlyJava17());
        environment.put("CHAINPOS_JVM_DIR", jvms.toString());

        Processes.Outcome till = Processes.run(List.of(DIST.resolve("bin/till").toString(), "--help"), environment, dir);

        assertThat(till.exitCode()).isZero();
        assertThat(till.out()).contains("Usage: till");
    }

    @Test
    void theTillKeepsItsClassArchiveInTheUsersCacheAndStartsFromItTheNextTime() throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(Map.of("PATH", System.getenv("PATH"), "HOME", dir.toString(),
                "JAVA_HOME", JDK_25.toString(), "CHAINPOS_TILL_OPTS", "-Xlog:class+load=info"));
        Path archive = dir.resolve(".cache/chainpos/till.jsa");

        Processes.Outcome first = Processes.run(List.of(DIST.resolve("bin/till").toString(), "--help"), environment, dir);
        assertThat(first.exitCode()).isZero();
        assertThat(archive).as("written as the first start ended").exists();
        assertThat(Files.size(archive)).isGreaterThan(1_000_000);
        assertThat(first.out()).doesNotContain("io.chainpos.till.TillMain source: shared objects file (top)");

        Processes.Outcome second = Processes.run(List.of(DIST.resolve("bin/till").toString(), "--help"), environment, dir);
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("Usage: till")
                .as("the till's own classes come from the archive").contains("io.chainpos.till.TillMain source: shared objects file (top)");
    }
}
